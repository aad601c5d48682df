using System.Collections.Concurrent;

namespace Hub.Adapters.Core.Delivery;

/// <summary>Process-lifetime deduplication, for the embedded run and for sinks that are idempotent themselves.</summary>
public sealed class MemoryDeliveryDeduplicator : IDeliveryDeduplicator
{
    private readonly ConcurrentDictionary<Guid, byte> _seen = new();

    public ValueTask<bool> TryBeginAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_seen.TryAdd(deliveryId, 0));

    public ValueTask AbandonAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _seen.TryRemove(deliveryId, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to do: the id was kept when the delivery began.</summary>
    public ValueTask CompleteAsync(Guid deliveryId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
