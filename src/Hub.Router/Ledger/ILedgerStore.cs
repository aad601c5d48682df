namespace Hub.Router.Ledger;

/// <summary>The disclosure ledger and delivery outbox. Postgres in production, SQLite in the embedded run.</summary>
public interface ILedgerStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits a group in one transaction: each batch's ingress record, ledger rows and outbox rows, and the sent marks.
    /// Idempotent per (source, event id) within the group (see <see cref="LedgerGroupPlan"/>), across groups and across
    /// routers. Returns one result per batch, in order.
    /// </summary>
    Task<IReadOnlyList<RecordResult>> RecordGroupAsync(IReadOnlyList<DecisionBatch> batches, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken);

    /// <summary>The provenance marks (docs/adr/0016) among <paramref name="fingerprints"/>, oldest first per fingerprint.</summary>
    Task<IReadOnlyList<Provenance.ProvenanceMark>> FindProvenanceAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>Whether a failed group may have failed for one of its batches alone (a constraint or a bad value), so that each should be tried alone.</summary>
    bool IsBatchFailure(Exception exception);

    /// <summary>Appends a rejection row; a second call with the same entry id changes nothing.</summary>
    Task RecordRejectionAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Ledger rows in sequence order after <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Appends an <see cref="LedgerEntryKind.OperatorAccess"/> row; a second call with the same entry id changes nothing.</summary>
    Task RecordOperatorAccessAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Every ledger row about one event id (from any source), in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadEventAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>The outbox rows of one event id, without their bodies, ordered by recipient.</summary>
    Task<IReadOnlyList<OutboxState>> OutboxForEventAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>One outbox row with its body, or null when the router never decided such a delivery.</summary>
    Task<StoredDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken);
}
