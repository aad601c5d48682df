using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Operations.V1;
using Hub.Contracts.Topology;
using MassTransit;
using RabbitMQ.Client;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Where a replayed message goes (docs/adr/0012). An ingress message goes back, byte for byte, to its agency's submit
/// exchange, so the router receives it as from that agency and decides it under the policy in force now. A delivery
/// never goes straight to a delivery queue (the operator may not write there): the router is asked, by delivery id,
/// to re-check and resend the delivery from its own outbox.
/// </summary>
internal static class ReplayPublisher
{
    private const string MassTransitJson = "application/vnd.masstransit+json";

    public static async Task ResubmitAsync(DeadLetterBroker broker, DeadLetterMessage message, Hub.Contracts.Agencies.AgencyCode agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(message);

        // MassTransit's fault and host headers describe the failed attempt; the copy starts afresh without them.
        var headers = message.Headers.Where(h => !h.Key.StartsWith("MT-", StringComparison.Ordinal)).ToDictionary(h => h.Key, h => h.Value);
        var properties = new BasicProperties
        {
            ContentType = message.ContentType ?? MassTransitJson,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = message.MessageId,
            Headers = headers.Count > 0 ? headers : null,
        };
        await broker.PublishConfirmedAsync(HubTopology.SubmitExchange(agency), message.Body, properties, cancellationToken);
    }

    public static async Task RequestDeliveryReplayAsync(DeadLetterBroker broker, DeliveryReplayRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                messageId = request.RequestId,
                messageType = new[] { MessageUrn.ForTypeString<DeliveryReplayRequested>() },
                message = JsonSerializer.SerializeToElement(request, ContractJson.Options),
                sentTime = request.RequestedAt,
            });
        var properties = new BasicProperties { ContentType = MassTransitJson, DeliveryMode = DeliveryModes.Persistent, MessageId = request.RequestId.ToString() };
        await broker.PublishConfirmedAsync(HubTopology.OperateExchange, body, properties, cancellationToken);
    }

    public static string Describe(DeadLetter letter) => letter.Kind == DeadLetterKind.Ingress
        ? $"re-submitted to {HubTopology.SubmitExchange(new Hub.Contracts.Agencies.AgencyCode(letter.Agency))}"
        : $"sent to the router for a re-check ({HubTopology.OperateExchange})";

}
