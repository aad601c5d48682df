using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// Seals the embedded ledger. SQLite has one writer at a time and draws AUTOINCREMENT seqs inside it, so any
/// uncommitted row's seq is above every committed one: the highest committed seq is a safe horizon. One pass at a
/// time: the background sealer and an explicit seal (the embedded run's, at its end) would otherwise both read the
/// same head and write the same seal number; the Postgres sealer has its advisory lock for the same reason.
/// </summary>
public sealed class SqliteLedgerSealer(ILedgerStore rows, SqliteChainStore chain, IOptions<LedgerIntegrityOptions> options, TimeProvider time) : ILedgerSealer, IDisposable
{
    private readonly SemaphoreSlim _pass = new(1, 1);

    public async Task<SealOutcome> SealAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var horizon = await chain.LastSequenceAsync(cancellationToken);
            return horizon is { } last
                ? await LedgerSealWriter.SealThroughAsync(rows, chain, last, options.Value.SealBatchSize, time, cancellationToken)
                : new SealOutcome(0, 0, null);
        }
        finally
        {
            _pass.Release();
        }
    }

    public void Dispose() => _pass.Dispose();
}
