namespace Hub.Router.Ledger.Chain;

/// <summary>The seals and pruning records of a ledger. Both tables are append-only for the router's role.</summary>
public interface ILedgerChainStore
{
    /// <summary>The newest seal, or null when nothing was ever sealed (also when the seal table does not exist yet).</summary>
    Task<LedgerSeal?> LastSealAsync(CancellationToken cancellationToken);

    /// <summary>Seals in number order after <paramref name="afterNumber"/>.</summary>
    Task<IReadOnlyList<LedgerSeal>> ReadSealsAsync(long afterNumber, int limit, CancellationToken cancellationToken);

    Task<LedgerSeal?> ReadSealAsync(long number, CancellationToken cancellationToken);

    /// <summary>Appends a seal; fails if its number is taken (another sealer got there first).</summary>
    Task AppendSealAsync(LedgerSeal seal, CancellationToken cancellationToken);

    /// <summary>The newest pruning record, or null when the ledger was never pruned.</summary>
    Task<LedgerPrune?> LastPruneAsync(CancellationToken cancellationToken);

    /// <summary>In one transaction: deletes the ledger rows up to <see cref="LedgerPrune.ThroughSequence"/> and appends the record.</summary>
    Task PruneAsync(LedgerPrune prune, CancellationToken cancellationToken);

    /// <summary>The highest seal number sent to an anchor sink (docs/adr/0022), or 0.</summary>
    Task<long> AnchoredThroughAsync(string sinkId, CancellationToken cancellationToken);

    /// <summary>Records that the sink holds the anchors of every seal through <paramref name="throughSeal"/> (a new row each time).</summary>
    Task RecordAnchoredAsync(string sinkId, long throughSeal, DateTimeOffset at, CancellationToken cancellationToken);
}
