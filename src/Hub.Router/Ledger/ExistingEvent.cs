namespace Hub.Router.Ledger;

/// <summary>An event the register already held when a group tried to record it: its content hash and its unsent deliveries.</summary>
public sealed record ExistingEvent(string ContentHash, IReadOnlyList<OutboxDelivery> Pending);
