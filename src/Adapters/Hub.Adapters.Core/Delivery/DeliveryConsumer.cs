using Hub.Adapters.Core.Telemetry;
using Hub.Contracts.Delivery.V1;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Delivery;

/// <summary>
/// Receives deliveries on the agency's delivery queue, refuses any addressed to another agency, drops
/// redeliveries by delivery id, and hands the rest to the sink.
/// </summary>
public sealed class DeliveryConsumer(IDeliverySink sink, IDeliveryDeduplicator deduplicator, ILogger<DeliveryConsumer> logger) : IConsumer<EventDelivered>
{
    public async Task Consume(ConsumeContext<EventDelivered> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var delivery = context.Message;
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/');
        if (!queue.EndsWith("/hub.delivery." + delivery.Recipient.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Delivery {delivery.DeliveryId} is addressed to {delivery.Recipient} but arrived on another agency's queue.");
        }

        using var activity = AdapterTracing.StartSinkWrite(delivery, AdapterTracing.SinkKind(sink));
        if (!await deduplicator.TryBeginAsync(delivery.DeliveryId, context.CancellationToken))
        {
            AdapterTracing.SinkWritten(activity, "duplicate");
            AdapterLog.DuplicateDelivery(logger, delivery.DeliveryId, delivery.Recipient.Value);
            return;
        }

        try
        {
            await sink.HandleAsync(delivery, context.CancellationToken);
            await deduplicator.CompleteAsync(delivery.DeliveryId, context.CancellationToken);
        }
        catch (Exception ex)
        {
            AdapterTracing.Failed(activity, ex);
            await deduplicator.AbandonAsync(delivery.DeliveryId, context.CancellationToken);
            throw;
        }

        AdapterTracing.SinkWritten(activity, "written");

        AdapterLog.DeliveryHandled(logger, delivery.DeliveryId, delivery.Recipient.Value, delivery.EventType);
    }
}
