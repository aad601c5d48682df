namespace Hub.Router.Ledger;

/// <summary>An outbox row with the delivery exactly as the router decided and projected it.</summary>
public sealed record StoredDelivery(OutboxState State, string Body);
