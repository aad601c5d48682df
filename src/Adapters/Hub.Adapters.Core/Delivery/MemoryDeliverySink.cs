using System.Collections.Concurrent;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Delivery;

/// <summary>Keeps what was delivered in memory: the embedded run's agency "case systems", and tests.</summary>
public sealed class MemoryDeliverySink : IDeliverySink
{
    private readonly ConcurrentQueue<EventDelivered> _received = new();

    public IReadOnlyCollection<EventDelivered> Received => _received;

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        _received.Enqueue(delivery);
        return Task.CompletedTask;
    }
}
