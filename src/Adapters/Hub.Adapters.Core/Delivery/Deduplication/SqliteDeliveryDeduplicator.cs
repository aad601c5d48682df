using Hub.Adapters.Core.Sinks.Postgres;
using Microsoft.Data.Sqlite;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// Handled delivery ids in a SQLite file, for small sites without a database server. Same order as
/// <see cref="PostgresDeliveryDeduplicator"/>: recorded after the sink's effect (docs/adr/0010).
/// </summary>
public sealed class SqliteDeliveryDeduplicator(string path, string table, TimeProvider time) : DurableDeliveryDeduplicator, IDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly string _table = SqlIdentifier.Require(table).Replace('.', '_');
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private volatile bool _schemaReady;

    protected override async Task<bool> WasHandledAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_table} WHERE delivery_id = $id";
        command.Parameters.AddWithValue("$id", deliveryId.ToString("D"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    protected override async Task RecordHandledAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {_table} (delivery_id, handled_at) VALUES ($id, $at) ON CONFLICT (delivery_id) DO NOTHING";
        command.Parameters.AddWithValue("$id", deliveryId.ToString("D"));
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Times are stored as round-trip UTC strings, so they compare in time order as text.</summary>
    public override async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {_table} WHERE handled_at < $before";
        command.Parameters.AddWithValue("$before", before.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_schemaReady)
        {
            await _schemaGate.WaitAsync(cancellationToken);
            try
            {
                if (!_schemaReady)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"""
                        PRAGMA journal_mode = WAL;
                        PRAGMA synchronous = FULL;
                        CREATE TABLE IF NOT EXISTS {_table} (delivery_id TEXT PRIMARY KEY, handled_at TEXT NOT NULL);
                        CREATE INDEX IF NOT EXISTS {_table}_handled_at ON {_table} (handled_at);
                        """;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaGate.Release();
            }
        }

        return connection;
    }

    public void Dispose() => _schemaGate.Dispose();
}
