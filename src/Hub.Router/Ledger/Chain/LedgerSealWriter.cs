namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The sealing loop every store shares: after the last seal, take rows up to the horizon a batch at a time and
/// append one seal per batch. The caller guarantees that no row at or below the horizon can still appear.
/// </summary>
public static class LedgerSealWriter
{
    public static async Task<SealOutcome> SealThroughAsync(
        ILedgerStore rows, ILedgerChainStore chain, long horizon, int batchSize, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var last = await chain.LastSealAsync(cancellationToken);
        var previousHash = last?.ChainHash;
        var after = last?.LastSequence;
        var head = last;
        var seals = 0;
        long sealedRows = 0;
        while (true)
        {
            var page = await rows.ReadAsync(after ?? long.MinValue, batchSize, cancellationToken);
            var batch = page.Where(r => r.Sequence <= horizon).ToList();
            if (batch.Count == 0)
            {
                return new SealOutcome(seals, sealedRows, head);
            }

            var seal = LedgerChain.Seal((head?.Number ?? 0) + 1, previousHash ?? LedgerChain.GenesisHash, batch, time.GetUtcNow());
            await chain.AppendSealAsync(seal, cancellationToken);
            head = seal;
            previousHash = seal.ChainHash;
            after = seal.LastSequence;
            seals++;
            sealedRows += batch.Count;
        }
    }
}
