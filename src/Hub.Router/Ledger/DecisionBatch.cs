namespace Hub.Router.Ledger;

/// <summary>
/// Everything one ingress event produces, committed together before any delivery leaves. <paramref name="RecordedAt"/>
/// is when it was decided: the register's and the outbox's time, whatever rows it holds (none, for an event with no
/// candidate recipient).
/// </summary>
public sealed record DecisionBatch(
    string Source,
    Guid EventId,
    string ContentHash,
    DateTimeOffset RecordedAt,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<OutboxDelivery> Deliveries)
{
    /// <summary>Fingerprints of values delivered under a restricted gateway, committed with the deliveries (docs/adr/0016).</summary>
    public IReadOnlyList<Provenance.ProvenanceMark> ProvenanceMarks { get; init; } = [];
}
