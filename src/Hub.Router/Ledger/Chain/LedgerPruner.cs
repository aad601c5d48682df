namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Retention: deletes whole sealed batches whose every row is older than the cutoff, oldest first, and appends a
/// pruning record carrying the last pruned seal's chain hash forward. Refuses to prune a chain that does not verify,
/// so pruning can never destroy the evidence of tampering. Needs a connection allowed to DELETE (the admin role).
/// </summary>
public sealed class LedgerPruner(ILedgerStore rows, ILedgerChainStore chain, TimeProvider time)
{
    public async Task<PruneOutcome> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var verification = await new LedgerVerifier(rows, chain).VerifyAsync(cancellationToken);
        if (!verification.IsIntact)
        {
            return new PruneOutcome(null, verification);
        }

        var anchor = verification.Anchor;
        var cursor = new LedgerRowCursor(rows, 1000);
        LedgerSeal? through = null;
        long pruned = 0;
        var after = anchor?.ThroughSeal ?? 0;
        while (true)
        {
            var seals = await chain.ReadSealsAsync(after, 100, cancellationToken);
            foreach (var seal in seals)
            {
                var sealedRows = await cursor.TakeThroughAsync(seal.LastSequence, cancellationToken);
                if (sealedRows.Any(r => r.RecordedAt >= cutoff))
                {
                    return await CommitAsync(anchor, through, pruned, cutoff, verification, cancellationToken);
                }

                through = seal;
                pruned += sealedRows.Count;
            }

            if (seals.Count < 100)
            {
                return await CommitAsync(anchor, through, pruned, cutoff, verification, cancellationToken);
            }

            after = seals[^1].Number;
        }
    }

    private async Task<PruneOutcome> CommitAsync(
        LedgerPrune? anchor, LedgerSeal? through, long pruned, DateTimeOffset cutoff, ChainVerification verification, CancellationToken cancellationToken)
    {
        if (through is null)
        {
            return new PruneOutcome(null, verification);
        }

        var record = new LedgerPrune
        {
            Number = (anchor?.Number ?? 0) + 1,
            ThroughSeal = through.Number,
            ThroughSequence = through.LastSequence,
            AnchorHash = through.ChainHash,
            RowsPruned = pruned,
            Cutoff = CanonicalWriter.TruncateToMicroseconds(cutoff),
            PrunedAt = CanonicalWriter.TruncateToMicroseconds(time.GetUtcNow()),
        };
        await chain.PruneAsync(record, cancellationToken);
        return new PruneOutcome(record, verification);
    }
}
