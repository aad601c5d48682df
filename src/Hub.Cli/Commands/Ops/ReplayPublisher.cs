using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Topology;
using MassTransit;
using RabbitMQ.Client;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// How a replay is asked for (docs/adr/0012): never by re-publishing the message, which the operator's broker user
/// may not do, but by a request to the router on <c>hub.operate</c>. For an ingress dead letter, the router takes the
/// message from its own dead-letter queue and re-publishes it into the ingress queue, where it is decided under the
/// policy in force now; for a delivery, the router re-checks it and resends it from its own outbox.
/// </summary>
internal static class ReplayPublisher
{
    private const string MassTransitJson = "application/vnd.masstransit+json";

    /// <summary>Publishes <paramref name="request"/> (an <c>Operations.V1</c> contract) as a MassTransit envelope, with a publisher confirm.</summary>
    public static async Task RequestAsync(DeadLetterBroker broker, object request, Guid requestId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                messageId = requestId,
                messageType = new[] { MessageUrn.ForTypeString(request.GetType()) },
                message = JsonSerializer.SerializeToElement(request, request.GetType(), ContractJson.Options),
                sentTime = requestedAt,
            });
        var properties = new BasicProperties { ContentType = MassTransitJson, DeliveryMode = DeliveryModes.Persistent, MessageId = requestId.ToString() };
        await broker.PublishConfirmedAsync(HubTopology.OperateExchange, body, properties, cancellationToken);
    }

    public static string Describe(DeadLetter letter) => letter.Kind == DeadLetterKind.Ingress
        ? $"sent to the router to re-enter {HubTopology.IngressQueue(new Hub.Contracts.Agencies.AgencyCode(letter.Agency))} ({HubTopology.OperateExchange})"
        : $"sent to the router for a re-check ({HubTopology.OperateExchange})";
}
