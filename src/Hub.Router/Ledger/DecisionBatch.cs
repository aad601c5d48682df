namespace Hub.Router.Ledger;

/// <summary>Everything one ingress event produces, committed together before any delivery leaves.</summary>
public sealed record DecisionBatch(
    string Source,
    Guid EventId,
    string ContentHash,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<OutboxDelivery> Deliveries);
