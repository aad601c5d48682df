using Hub.Adapters.Core.Metrics;
using Hub.Adapters.Core.Telemetry;
using Hub.Contracts.Delivery.V1;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Delivery;

/// <summary>
/// Receives deliveries on the agency's delivery queue, refuses any addressed to another agency, drops
/// redeliveries by delivery id, and hands the rest to the sink. Counts each outcome and, for a write, its latencies.
/// Many run at once (<c>Adapter:ConcurrentMessageLimit</c>); for each, in this order (docs/adr/0010): the sink's
/// effect is durable (its <see cref="IDeliverySink.HandleAsync"/> returns after its group commit), then the id is
/// recorded (<see cref="IDeliveryDeduplicator.CompleteAsync"/> returns after its group's transaction), then the
/// consumer returns and MassTransit acknowledges the message.
/// </summary>
public sealed class DeliveryConsumer(IDeliverySink sink, IDeliveryDeduplicator deduplicator, AdapterMetrics metrics, TimeProvider time, ILogger<DeliveryConsumer> logger) : IConsumer<EventDelivered>
{
    public async Task Consume(ConsumeContext<EventDelivered> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var delivery = context.Message;
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/');
        if (!queue.EndsWith("/hub.delivery." + delivery.Recipient.Value, StringComparison.Ordinal))
        {
            metrics.Delivery(delivery, AdapterMetrics.Results.Misaddressed);
            throw new InvalidOperationException($"Delivery {delivery.DeliveryId} is addressed to {delivery.Recipient} but arrived on another agency's queue.");
        }

        using var activity = AdapterTracing.StartSinkWrite(delivery, AdapterTracing.SinkKind(sink));
        if (!await deduplicator.TryBeginAsync(delivery.DeliveryId, context.CancellationToken))
        {
            metrics.Delivery(delivery, AdapterMetrics.Results.Duplicate);
            AdapterTracing.SinkWritten(activity, "duplicate");
            AdapterLog.DuplicateDelivery(logger, delivery.DeliveryId, delivery.Recipient.Value);
            return;
        }

        try
        {
            await sink.HandleAsync(delivery, context.CancellationToken);
            metrics.Written(delivery, time.GetUtcNow());
            await deduplicator.CompleteAsync(delivery.DeliveryId, context.CancellationToken);
        }
        catch (Exception ex)
        {
            metrics.Delivery(delivery, AdapterMetrics.Results.Failed);
            AdapterTracing.Failed(activity, ex);
            await deduplicator.AbandonAsync(delivery.DeliveryId, context.CancellationToken);
            throw;
        }

        metrics.Delivery(delivery, AdapterMetrics.Results.Handled);
        AdapterTracing.SinkWritten(activity, "written");

        AdapterLog.DeliveryHandled(logger, delivery.DeliveryId, delivery.Recipient.Value, delivery.EventType);
    }
}
