namespace Hub.Router.Ledger;

/// <summary>A delivery the broker confirmed, recorded (insert-only, in a later group) so a redelivered event does not send it again.</summary>
public sealed record SentMark(Guid DeliveryId, DateTimeOffset SentAt);
