namespace Hub.Router.Ledger.Reading;

/// <summary>An outbox body beside the digest its decision's ledger row keeps of it (<see cref="LedgerEntry.DeliverySha256"/>).</summary>
public sealed record DigestedDelivery(Guid DeliveryId, string Body, string LedgerSha256);
