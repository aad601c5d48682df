namespace Hub.Router.Ledger;

/// <summary>One outbox row without its body: which delivery, to whom, and whether the router has sent it.</summary>
public sealed record OutboxState(Guid DeliveryId, string Source, Guid EventId, string Recipient, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
