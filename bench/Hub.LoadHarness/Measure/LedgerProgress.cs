namespace Hub.LoadHarness.Measure;

/// <param name="Decided">Events with decisions in the ledger.</param>
/// <param name="Rejected">Rejection rows for the events (the router refused them).</param>
/// <param name="Deliveries">Delivery ids the router queued for the events (its outbox).</param>
public sealed record LedgerProgress(long Decided, long Rejected, IReadOnlySet<Guid> Deliveries);
