namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The carried-forward summary a retention run appends: rows up to <see cref="ThroughSequence"/> (whole seals up to
/// <see cref="ThroughSeal"/>) were deleted, and the chain resumes from <see cref="AnchorHash"/>, that seal's chain hash.
/// </summary>
public sealed record LedgerPrune
{
    public required long Number { get; init; }

    public required long ThroughSeal { get; init; }

    public required long ThroughSequence { get; init; }

    public required string AnchorHash { get; init; }

    public required long RowsPruned { get; init; }

    public required DateTimeOffset Cutoff { get; init; }

    public required DateTimeOffset PrunedAt { get; init; }
}
