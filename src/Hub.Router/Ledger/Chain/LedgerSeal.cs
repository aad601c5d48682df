namespace Hub.Router.Ledger.Chain;

/// <summary>
/// One link of the chain: the rows with previous seal's last seq &lt; seq &lt;= <see cref="LastSequence"/>, in seq order.
/// <see cref="ChainHash"/> covers this header, <see cref="PreviousHash"/> and every row's canonical encoding.
/// </summary>
public sealed record LedgerSeal
{
    public required long Number { get; init; }

    public required long FirstSequence { get; init; }

    public required long LastSequence { get; init; }

    public required int RowCount { get; init; }

    public required int EncodingVersion { get; init; }

    /// <summary>The previous seal's chain hash, the pruning anchor's, or <see cref="LedgerChain.GenesisHash"/>.</summary>
    public required string PreviousHash { get; init; }

    public required string ChainHash { get; init; }

    /// <summary>Order-free digest of the rows' contents (seq excluded): tells a reordering from an edit.</summary>
    public required string ContentDigest { get; init; }

    /// <summary>Microsecond precision, as Postgres stores it.</summary>
    public required DateTimeOffset SealedAt { get; init; }
}
