namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// The order every durable deduplicator keeps (docs/adr/0010): an in-process guard so two copies arriving at once
/// are not both handed to the sink, a look-up of ids already handled, and the id recorded only after the sink's
/// effect. A store supplies the look-up and the record.
/// </summary>
public abstract class DurableDeliveryDeduplicator : IDeliveryDeduplicator
{
    private readonly InFlightDeliveries _inFlight = new();

    public async ValueTask<bool> TryBeginAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryEnter(deliveryId))
        {
            return false;
        }

        try
        {
            if (await WasHandledAsync(deliveryId, cancellationToken))
            {
                _inFlight.Leave(deliveryId);
                return false;
            }

            return true;
        }
        catch
        {
            _inFlight.Leave(deliveryId);
            throw;
        }
    }

    public ValueTask AbandonAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _inFlight.Leave(deliveryId);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await RecordHandledAsync(deliveryId, cancellationToken);
        _inFlight.Leave(deliveryId);
    }

    /// <summary>True when the store already holds the id.</summary>
    protected abstract Task<bool> WasHandledAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Adds the id to the store; a second add of the same id changes nothing.</summary>
    protected abstract Task RecordHandledAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets ids handled before <paramref name="before"/>; returns how many. Safe because the sinks are idempotent
    /// by delivery id too: the store only spares them the repeat (docs/adr/0010).
    /// </summary>
    public abstract Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
