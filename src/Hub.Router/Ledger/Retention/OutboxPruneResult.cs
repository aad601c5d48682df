namespace Hub.Router.Ledger.Retention;

/// <summary>What one outbox retention pass deleted, and the unsent deliveries older than the cutoff it had to keep.</summary>
public sealed record OutboxPruneResult(long DeliveriesPruned, long RegistrationsPruned, long UnsentKept);
