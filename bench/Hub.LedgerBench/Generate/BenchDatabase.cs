using System.Diagnostics;
using Hub.Router.Ledger.Postgres;
using Npgsql;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// A new database for one run, with the ledger schema the router applies. For the load, the ledger's secondary
/// indexes and its entry-id constraint are dropped; afterwards the schema is applied again, which recreates the indexes
/// exactly as defined, and the constraint is put back. Then VACUUM ANALYZE, as autovacuum would do in production.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private static readonly string[] SecondaryIndexes = ["ledger_entries_subject", "ledger_entries_event", "ledger_entries_event_id", "ledger_entries_consent"];

    private BenchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    /// <summary>The run's database, as the server's superuser (stands in for the schema owner and the auditor).</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnection, CancellationToken cancellationToken)
    {
        var name = "ledger_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = NpgsqlDataSource.Create(adminConnection))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Index builds get memory enough to sort in one pass; the setting is this run's sessions' only.
        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name, Options = "-c maintenance_work_mem=1GB", CommandTimeout = 0 };
        var database = new BenchDatabase(name, builder.ConnectionString);
        await new PostgresLedgerStore(database.DataSource).InitializeAsync(cancellationToken);
        return database;
    }

    public async Task DropIndexesForLoadAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(string.Join(' ', SecondaryIndexes.Select(i => $"DROP INDEX {i};")) + " ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_entry_id_key;", cancellationToken);
    }

    /// <returns>Seconds spent rebuilding the indexes.</returns>
    public async Task<double> RebuildIndexesAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync("ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_entry_id_key UNIQUE (entry_id)", cancellationToken);

        // Forget the recorded schema version, so the migration runs again and recreates the dropped indexes.
        await ExecuteAsync("DELETE FROM ledger_schema", cancellationToken);
        await new PostgresLedgerStore(DataSource).InitializeAsync(cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    /// <returns>Seconds spent.</returns>
    public async Task<double> VacuumAnalyzeAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var table in new[] { "ledger_entries", "ledger_seals", "consent_records", "consent_withdrawals", "recalls", "recall_deliveries", "recall_acknowledgements" })
        {
            await ExecuteAsync($"VACUUM (ANALYZE) {table}", cancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
