namespace Hub.Router.Ledger;

/// <summary>
/// Outcome of recording a batch: the deliveries still to send (all of them the first time; only unsent ones
/// after a redelivery), or a conflict when the event id was already used for different content.
/// </summary>
public sealed record RecordResult(bool Conflict, bool AlreadyRecorded, IReadOnlyList<OutboxDelivery> Pending)
{
    public static readonly RecordResult ConflictResult = new(Conflict: true, AlreadyRecorded: true, Pending: []);
}
