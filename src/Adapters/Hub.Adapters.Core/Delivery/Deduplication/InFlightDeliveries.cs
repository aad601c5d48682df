using System.Collections.Concurrent;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// Delivery ids being handled right now in this process, so two copies of one delivery arriving together are not
/// both handed to the sink while neither has been recorded yet.
/// </summary>
public sealed class InFlightDeliveries
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();

    public bool TryEnter(Guid deliveryId) => _ids.TryAdd(deliveryId, 0);

    public void Leave(Guid deliveryId) => _ids.TryRemove(deliveryId, out _);
}
