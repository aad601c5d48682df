using Hub.Router.Recalls;

namespace Hub.Router.Ledger.Reading;

/// <summary>
/// The audit reads of the ledger, beside the router's store (which owns the write path): the whole ledger as a
/// stream for <c>hub audit verify</c>, and indexed look-ups for <c>hub audit subject</c>. None of them scans the
/// ledger for one person.
/// </summary>
public interface ILedgerReader : ILedgerRowSource
{
    /// <summary>
    /// The decision rows that name any of <paramref name="pseudonyms"/>, in seq order, found through the subject index
    /// (Postgres: the GIN index <c>ledger_entries_subject</c>; SQLite: the side table <c>ledger_subjects</c>).
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> SubjectDecisionsAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken);

    /// <summary>
    /// The subject key ids (<see cref="SubjectKeyIds"/>) the ledger's rows were written under, in ordinal order; empty for
    /// a ledger whose rows predate recording them. A seek per id (<see cref="SubjectKeyIdQuery"/>), not a scan.
    /// </summary>
    Task<IReadOnlyList<string>> SubjectKeyIdsAsync(CancellationToken cancellationToken);

    /// <summary>The recalls (with all their deliveries) that name any of <paramref name="deliveryIds"/>, in the order they were requested.</summary>
    Task<IReadOnlyList<RecallNotice>> RecallsOfDeliveriesAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken);

    /// <summary>Every outbox body whose decision row recorded a delivery digest, with that digest (<see cref="OutboxDigestQuery"/>), streamed.</summary>
    IAsyncEnumerable<DigestedDelivery> DigestedDeliveriesAsync(CancellationToken cancellationToken);
}
