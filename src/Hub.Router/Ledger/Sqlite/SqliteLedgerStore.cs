using Hub.Router.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// The same ledger, register and outbox in one SQLite file, for the embedded run (no servers). Field lists are
/// stored as JSON arrays (<see cref="SqliteLedgerValues"/>). Writes are serialised, SQLite allows one writer at a time;
/// a group of events is one transaction (<see cref="SqliteGroupCommit"/>).
/// </summary>
public sealed class SqliteLedgerStore(string path) : ILedgerStore, IDisposable
{
    private const string OutboxStateColumns = "o.delivery_id, o.source, o.event_id, o.recipient, o.created_at, COALESCE(o.sent_at, s.sent_at)";
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Sql + SqliteChainSchema.Sql + Provenance.Sqlite.SqliteProvenance.Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await SqliteColumns.AddMissingAsync(connection, SqliteSchema.AddedColumns, cancellationToken);
        await using (var indexes = connection.CreateCommand())
        {
            indexes.CommandText = SqliteSchema.AfterColumnsSql;
            await indexes.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteSchema.WidenChecksAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordResult>> RecordGroupAsync(IReadOnlyList<DecisionBatch> batches, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(sent);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await SqliteGroupCommit.RunAsync(connection, batches, sent, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<Provenance.ProvenanceMark>> FindProvenanceAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        await using var connection = await OpenAsync(cancellationToken);
        return await Provenance.Sqlite.SqliteProvenance.FindAsync(connection, fingerprints, cancellationToken);
    }

    /// <summary>A constraint or a value SQLite refused; a busy or unreadable file fails every batch alike.</summary>
    public bool IsBatchFailure(Exception exception) => exception is SqliteException { SqliteErrorCode: 19 or 20 or 25 };

    public async Task RecordRejectionAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await InsertEntryAsync(connection, null, entry, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, null, $"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE seq > $after ORDER BY seq LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task RecordOperatorAccessAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != LedgerEntryKind.OperatorAccess)
        {
            throw new ArgumentException("Only operator-access rows are recorded here.", nameof(entry));
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await InsertEntryAsync(connection, null, entry, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, null, $"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE event_id = $e ORDER BY seq");
        command.Parameters.AddWithValue("$e", eventId.ToString());
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxState>> OutboxForEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, null, $"SELECT {OutboxStateColumns} FROM outbox_deliveries o LEFT JOIN outbox_sent s USING (delivery_id) WHERE o.event_id = $e ORDER BY o.recipient, o.delivery_id");
        command.Parameters.AddWithValue("$e", eventId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<OutboxState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(State(reader));
        }

        return states;
    }

    public async Task<StoredDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, null, $"SELECT {OutboxStateColumns}, o.body FROM outbox_deliveries o LEFT JOIN outbox_sent s USING (delivery_id) WHERE o.delivery_id = $d");
        command.Parameters.AddWithValue("$d", deliveryId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDelivery(State(reader), reader.GetString(6)) : null;
    }

    private static OutboxState State(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        Guid.Parse(reader.GetString(2)),
        reader.GetString(3),
        SqliteLedgerValues.Timestamp(reader.GetString(4)),
        reader.IsDBNull(5) ? null : SqliteLedgerValues.Timestamp(reader.GetString(5)));

        private static async Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(SqliteLedgerValues.ReadEntry(reader));
        }

        return entries;
    }

    public void Dispose() => _writer.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static async Task InsertEntryAsync(SqliteConnection connection, SqliteTransaction? transaction, LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"INSERT OR IGNORE INTO ledger_entries ({LedgerRowCodec.ColumnList}) VALUES ({SqliteLedgerValues.Placeholders})");
        SqliteLedgerValues.Bind(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
