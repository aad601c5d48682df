using Hub.ServiceDefaults.Grouping;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// The order every durable deduplicator keeps (docs/adr/0010): an in-process guard so two copies arriving at once
/// are not both handed to the sink, a look-up of ids already handled, and the id recorded only after the sink's
/// effect. Records are group-committed: the ids of every delivery completing while the previous write ran go into
/// the store in one transaction (<see cref="EffectGroupCommitter{T}"/>), and each <see cref="CompleteAsync"/> returns only
/// once its id is in. A store supplies the look-up and the batched record.
/// </summary>
public abstract class DurableDeliveryDeduplicator : IDeliveryDeduplicator, IDisposable
{
    private readonly InFlightDeliveries _inFlight = new();
    private readonly EffectGroupCommitter<Guid> _records;

    protected DurableDeliveryDeduplicator()
    {
        _records = new EffectGroupCommitter<Guid>((ids, token) => RecordHandledAsync(ids, token));
    }

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
        await _records.CommitAsync(deliveryId, cancellationToken);
        _inFlight.Leave(deliveryId);
    }

    /// <summary>True when the store already holds the id.</summary>
    protected abstract Task<bool> WasHandledAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Adds the ids to the store in one transaction; an id already there changes nothing. Called by one writer at a time.</summary>
    protected abstract Task RecordHandledAsync(IReadOnlyList<Guid> deliveryIds, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets ids handled before <paramref name="before"/>; returns how many. Safe because the sinks are idempotent
    /// by delivery id too: the store only spares them the repeat (docs/adr/0010).
    /// </summary>
    public abstract Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Records what is queued, then releases the store's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _records.Dispose();
        }
    }
}
