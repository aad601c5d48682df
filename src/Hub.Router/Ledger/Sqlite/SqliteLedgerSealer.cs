using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// Seals the embedded ledger. SQLite has one writer at a time and draws AUTOINCREMENT seqs inside it, so any
/// uncommitted row's seq is above every committed one: the highest committed seq is a safe horizon.
/// </summary>
public sealed class SqliteLedgerSealer(ILedgerStore rows, SqliteChainStore chain, IOptions<LedgerIntegrityOptions> options, TimeProvider time) : ILedgerSealer
{
    public async Task<SealOutcome> SealAsync(CancellationToken cancellationToken)
    {
        var horizon = await chain.LastSequenceAsync(cancellationToken);
        return horizon is { } last
            ? await LedgerSealWriter.SealThroughAsync(rows, chain, last, options.Value.SealBatchSize, time, cancellationToken)
            : new SealOutcome(0, 0, null);
    }
}
