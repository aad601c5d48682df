namespace Hub.Router.Ledger.Retention;

/// <summary>
/// Retention of the router's working tables (docs/adr/0031): the outbox keeps each delivery's body (personal data, kept
/// only so an operator can replay a dead-lettered delivery) and the ingress register keeps (source, event id) for
/// idempotency. Neither is evidence: the ledger row, its delivery digest and the chain are. Needs the schema owner's
/// connection; the router's runtime role may not delete from either table.
/// </summary>
public interface IOutboxRetention
{
    /// <summary>
    /// Deletes outbox rows created before <paramref name="cutoff"/> whose send was confirmed (with their sent marks), then
    /// ingress registrations recorded before it that have no outbox row left. An unsent delivery is never deleted, and
    /// neither is the registration of its event, however old. One transaction.
    /// </summary>
    Task<OutboxPruneResult> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
