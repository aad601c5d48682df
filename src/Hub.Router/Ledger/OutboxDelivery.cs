namespace Hub.Router.Ledger;

/// <summary>A delivery committed with its ledger rows and not yet confirmed sent.</summary>
public sealed record OutboxDelivery(Guid DeliveryId, string Recipient, string Body);
