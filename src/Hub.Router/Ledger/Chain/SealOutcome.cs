namespace Hub.Router.Ledger.Chain;

/// <summary>
/// What one sealing pass did. <see cref="Deferred"/> says why it sealed nothing when rows may be waiting: another
/// router held the sealing lock, or transactions that may still commit below the horizon had not finished in time.
/// </summary>
public sealed record SealOutcome(int Seals, long Rows, LedgerSeal? Head, string? Deferred = null)
{
    public static SealOutcome Skipped(string reason) => new(0, 0, null, reason);
}
