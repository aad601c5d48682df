using System.Collections.Concurrent;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Tests.Support;

/// <summary>Every delivery the agencies' delivery consumers hand over, in arrival order.</summary>
public sealed class RecordingDeliverySink : IDeliverySink
{
    private readonly ConcurrentQueue<RecallRequested> _recalls = new();
    private readonly ConcurrentQueue<EventDelivered> _received = new();

    public IReadOnlyList<EventDelivered> Received => [.. _received];

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        _received.Enqueue(delivery);
        return Task.CompletedTask;
    }

    /// <summary>Recalls the sink was asked to honour; this test sink holds nothing to erase, so reports every delivery as not held.</summary>
    public IReadOnlyList<RecallRequested> Recalls => [.. _recalls];

    public Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        _recalls.Enqueue(recall);
        return Task.FromResult(new RecallOutcome([], [.. recall.Deliveries.Select(d => d.DeliveryId)]));
    }
}
