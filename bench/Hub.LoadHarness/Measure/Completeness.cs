namespace Hub.LoadHarness.Measure;

/// <summary>
/// Whether every event fed in a phase produced its deliveries once in effect: each decided (one decision per recipient,
/// never two), each delivery the router queued written by its recipient's sink, and nothing written that was not queued.
/// Sinks file by delivery id and workers deduplicate, so a redelivered message is written once or not at all.
/// </summary>
/// <param name="Events">Events fed.</param>
/// <param name="Decided">Events with decisions in the ledger.</param>
/// <param name="DuplicateDecisions">(event, recipient) pairs decided more than once.</param>
/// <param name="Queued">Deliveries in the router's outbox for the events.</param>
/// <param name="Written">Of those, deliveries the sinks wrote.</param>
/// <param name="Unexpected">Sink documents for the events that the outbox does not hold.</param>
public sealed record Completeness(int Events, long Decided, long DuplicateDecisions, int Queued, int Written, int Unexpected)
{
    public bool IsComplete => Decided == Events && DuplicateDecisions == 0 && Written == Queued && Unexpected == 0;
}
