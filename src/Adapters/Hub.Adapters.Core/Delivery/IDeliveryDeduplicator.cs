namespace Hub.Adapters.Core.Delivery;

/// <summary>Remembers delivery ids already handed to the sink, so a redelivery never has a second effect.</summary>
public interface IDeliveryDeduplicator
{
    /// <summary>True the first time a delivery id is seen.</summary>
    ValueTask<bool> TryBeginAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Forgets a delivery whose sink failed, so its redelivery is tried again.</summary>
    ValueTask AbandonAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Records, after the sink's effect, that the delivery was handled. Durable deduplicators write here, never
    /// before the effect, so a crash in between loses nothing (docs/adr/0010).
    /// </summary>
    ValueTask CompleteAsync(Guid deliveryId, CancellationToken cancellationToken);
}
