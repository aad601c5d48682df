namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// The last change row settled (published and confirmed, or quarantined), in poll order: by inserting transaction,
/// then change id. Every row ordered at or before it is done.
/// </summary>
public sealed record ChangeWatermark(ulong TransactionId, long ChangeId)
{
    public static ChangeWatermark Start { get; } = new(0, long.MinValue);
}
