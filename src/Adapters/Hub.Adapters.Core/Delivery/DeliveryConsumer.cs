using Hub.Adapters.Core.Metrics;
using Hub.Adapters.Core.Telemetry;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;
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
public sealed class DeliveryConsumer(
    IDeliverySink sink, IDeliveryDeduplicator deduplicator, AdapterMetrics metrics, TimeProvider time, ILogger<DeliveryConsumer> logger, IEnumerable<DeliverySignatures> signatures)
    : IConsumer<EventDelivered>
{
    private readonly DeliverySignatures? _signatures = signatures.SingleOrDefault();

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

        if (_signatures?.Check(delivery) is { } check && check != SignatureCheck.Valid)
        {
            // Never written: altered in the outbox or on the way, or not from the router at all.
            metrics.Delivery(delivery, AdapterMetrics.Results.SignatureInvalid);
            throw new PermanentDeliveryFailureException($"Delivery {delivery.DeliveryId} is refused: the router's signature is {DeliverySignatures.Describe(check)}.");
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

        AdapterLog.DeliveryHandled(logger, delivery.DeliveryId, delivery.Recipient.Value, AdapterMetrics.EventTypeLabel(delivery));
    }
}
