namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The outcome of <see cref="LedgerVerifier"/>: the seals and rows checked, the rows not yet sealed, the head of the
/// chain (to record outside the database), the pruning anchor verification started from, and the first break if any.
/// </summary>
public sealed record ChainVerification
{
    public required long SealsVerified { get; init; }

    public required long RowsVerified { get; init; }

    public required long UnsealedRows { get; init; }

    public LedgerSeal? Head { get; init; }

    public LedgerPrune? Anchor { get; init; }

    public ChainBreak? Break { get; init; }

    public bool IsIntact => Break is null;
}
