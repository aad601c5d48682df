using System.Collections.Concurrent;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Tests.Support;

/// <summary>Every delivery the agencies' delivery consumers hand over, in arrival order.</summary>
public sealed class RecordingDeliverySink : IDeliverySink
{
    private readonly ConcurrentQueue<EventDelivered> _received = new();

    public IReadOnlyList<EventDelivered> Received => [.. _received];

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        _received.Enqueue(delivery);
        return Task.CompletedTask;
    }
}
