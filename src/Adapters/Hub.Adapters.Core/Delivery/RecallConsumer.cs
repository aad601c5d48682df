using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Delivery;

/// <summary>
/// Receives a recall on the agency's delivery queue, has the sink erase or restrict the named deliveries, and
/// acknowledges through the agency's own submit exchange, the only one its broker user may write (docs/adr/0007).
/// </summary>
public sealed class RecallConsumer(IDeliverySink sink, HubAddresses addresses, TimeProvider time, ILogger<RecallConsumer> logger) : IConsumer<RecallRequested>
{
    public async Task Consume(ConsumeContext<RecallRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recall = context.Message;
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/');
        if (!queue.EndsWith("/hub.delivery." + recall.Recipient.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Recall {recall.RecallId} is addressed to {recall.Recipient} but arrived on another agency's queue.");
        }

        var outcome = await sink.RecallAsync(recall, context.CancellationToken);
        var acknowledgement = new RecallAcknowledged
        {
            RecallId = recall.RecallId,
            Recipient = recall.Recipient,
            AcknowledgedAt = time.GetUtcNow(),
            Erased = outcome.Erased,
            NotHeld = outcome.NotHeld,
        };
        var endpoint = await context.GetSendEndpoint(addresses.Submit(recall.Recipient));
        await endpoint.Send(acknowledgement, send => send.MessageId = DeliveryIds.NameBased($"recall-ack|{recall.RecallId:N}"), context.CancellationToken);
        AdapterLog.RecallHandled(logger, recall.RecallId, recall.Recipient.Value, outcome.Erased.Count, outcome.NotHeld.Count);
    }
}
