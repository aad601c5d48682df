using System.Globalization;
using Hub.Adapters.Core.Sinks.Postgres;
using Microsoft.Data.Sqlite;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// Handled delivery ids in a SQLite file, for small sites without a database server. Same order as
/// <see cref="PostgresDeliveryDeduplicator"/>: recorded after the sink's effect (docs/adr/0010). One writer
/// connection, held open, takes every write (a group of ids per transaction, and pruning) one at a time, so this
/// process's writes never collide; look-ups read on pooled connections beside it (WAL). Every connection waits
/// inside SQLite (<c>busy_timeout</c>) for another process's lock instead of failing into Microsoft.Data.Sqlite's
/// fixed 150 ms retry sleep.
/// </summary>
public sealed class SqliteDeliveryDeduplicator(string path, string table, TimeProvider time) : DurableDeliveryDeduplicator
{
    /// <summary>How long a statement waits for a lock held by another connection before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly string _table = SqlIdentifier.Require(table).Replace('.', '_');
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private SqliteConnection? _writer;
    private volatile bool _schemaReady;

    protected override async Task<bool> WasHandledAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await WithWriterAsync((_, _) => Task.FromResult(0), cancellationToken);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_table} WHERE delivery_id = $id";
        command.Parameters.AddWithValue("$id", deliveryId.ToString("D"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    protected override Task RecordHandledAsync(IReadOnlyList<Guid> deliveryIds, CancellationToken cancellationToken) =>
        WithWriterAsync(
            async (connection, token) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO {_table} (delivery_id, handled_at) VALUES ($id, $at) ON CONFLICT (delivery_id) DO NOTHING";
                var id = command.Parameters.Add("$id", SqliteType.Text);
                command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                foreach (var deliveryId in deliveryIds)
                {
                    id.Value = deliveryId.ToString("D");
                    await command.ExecuteNonQueryAsync(token);
                }

                await transaction.CommitAsync(token);
                return deliveryIds.Count;
            },
            cancellationToken);

    /// <summary>Times are stored as round-trip UTC strings, so they compare in time order as text.</summary>
    public override Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WithWriterAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM {_table} WHERE handled_at < $before";
                command.Parameters.AddWithValue("$before", before.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _writer?.Dispose();
            _writerGate.Dispose();
        }
    }

    /// <summary>The one writer, opened (with the schema) on first use.</summary>
    private async Task<T> WithWriterAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                var writer = await OpenAsync(cancellationToken);
                await using var command = writer.CreateCommand();
                command.CommandText = $"""
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = FULL;
                    CREATE TABLE IF NOT EXISTS {_table} (delivery_id TEXT PRIMARY KEY, handled_at TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS {_table}_handled_at ON {_table} (handled_at);
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _writer = writer;
                _schemaReady = true;
            }

            return await write(_writer, cancellationToken);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
