using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Ledger.Chain;

/// <summary>An embedded ledger in a temp folder with its chain store and a sealer of 5-row batches, plus raw SQL for tampering.</summary>
internal sealed class SqliteChainLedger : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agencyhub-chain-").FullName;

    public SqliteChainLedger()
    {
        Store = new SqliteLedgerStore(LedgerPath);
        Chain = new SqliteChainStore(LedgerPath);
        Sealer = new SqliteLedgerSealer(Store, Chain, Options.Create(new LedgerIntegrityOptions { SealBatchSize = 5 }), TimeProvider.System);
    }

    public SqliteLedgerStore Store { get; }

    public SqliteChainStore Chain { get; }

    public SqliteLedgerSealer Sealer { get; }

    public string LedgerPath => Path.Combine(_directory, "ledger.db");

    public LedgerPruner Pruner() => new(Store, Chain, TimeProvider.System);

    public async Task AppendAsync(int count, DateTimeOffset? recordedAt = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Store.RecordRejectionAsync(ChainEntries.Decision(i, recordedAt), CancellationToken.None);
        }
    }

    public Task<ChainVerification> VerifyAsync() => new LedgerVerifier(Store, Chain).VerifyAsync(CancellationToken.None);

    /// <summary>Tampering as someone with the file would: the triggers are no obstacle to them.</summary>
    public async Task ExecuteAsync(string sql, bool dropTriggers = true)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (dropTriggers
            ? "DROP TRIGGER IF EXISTS ledger_entries_no_update; DROP TRIGGER IF EXISTS ledger_entries_prune_only; DROP TRIGGER IF EXISTS ledger_seals_no_update; DROP TRIGGER IF EXISTS ledger_seals_no_delete; "
            : string.Empty) + sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        Sealer.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }
}
