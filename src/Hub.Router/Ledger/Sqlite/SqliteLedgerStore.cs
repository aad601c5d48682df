using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// The same ledger, register and outbox in one SQLite file, for the embedded run (no servers). Field lists are
/// stored as JSON arrays. Writes are serialised: SQLite allows one writer at a time.
/// </summary>
public sealed class SqliteLedgerStore(string path) : ILedgerStore, IDisposable
{
    private const string Columns = """
        entry_id, recorded_at, kind, outcome, source, event_id, event_type, recipient, agreement_id, agreement_version,
        flow_id, purpose, lawful_basis, consent_ref, legal_gateway, released_fields, withheld_fields, reasons,
        delivery_id, subject_pseudonyms, agreement_set_hash, trace_id, message_id, footing
        """;

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
        command.CommandText = SqliteSchema.Sql + SqliteChainSchema.Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await SqliteColumns.AddMissingAsync(connection, SqliteSchema.AddedColumns, cancellationToken);
        await SqliteSchema.WidenChecksAsync(connection, cancellationToken);
    }

    public async Task<RecordResult> RecordDecisionsAsync(DecisionBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var register = Command(connection, transaction, "INSERT OR IGNORE INTO ingress_events (source, event_id, content_hash, recorded_at) VALUES ($s, $e, $h, $t)");
            register.Parameters.AddWithValue("$s", batch.Source);
            register.Parameters.AddWithValue("$e", batch.EventId.ToString());
            register.Parameters.AddWithValue("$h", batch.ContentHash);
            register.Parameters.AddWithValue("$t", (batch.Entries.Count > 0 ? batch.Entries[0].RecordedAt : DateTimeOffset.UnixEpoch).ToString("O"));
            if (await register.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var existing = Command(connection, transaction, "SELECT content_hash FROM ingress_events WHERE source = $s AND event_id = $e");
                existing.Parameters.AddWithValue("$s", batch.Source);
                existing.Parameters.AddWithValue("$e", batch.EventId.ToString());
                if (!string.Equals((string?)await existing.ExecuteScalarAsync(cancellationToken), batch.ContentHash, StringComparison.Ordinal))
                {
                    return new RecordResult(Conflict: true, AlreadyRecorded: true, Pending: []);
                }

                var pendingCommand = Command(connection, transaction, "SELECT delivery_id, recipient, body FROM outbox_deliveries WHERE source = $s AND event_id = $e AND sent_at IS NULL ORDER BY recipient");
                pendingCommand.Parameters.AddWithValue("$s", batch.Source);
                pendingCommand.Parameters.AddWithValue("$e", batch.EventId.ToString());
                var pending = new List<OutboxDelivery>();
                await using (var reader = await pendingCommand.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        pending.Add(new OutboxDelivery(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
                    }
                }

                return new RecordResult(Conflict: false, AlreadyRecorded: true, Pending: pending);
            }

            foreach (var entry in batch.Entries)
            {
                await InsertEntryAsync(connection, transaction, entry, cancellationToken);
            }

            foreach (var delivery in batch.Deliveries)
            {
                var outbox = Command(connection, transaction, "INSERT OR IGNORE INTO outbox_deliveries (delivery_id, source, event_id, recipient, body, created_at) VALUES ($d, $s, $e, $r, $b, $t)");
                outbox.Parameters.AddWithValue("$d", delivery.DeliveryId.ToString());
                outbox.Parameters.AddWithValue("$s", batch.Source);
                outbox.Parameters.AddWithValue("$e", batch.EventId.ToString());
                outbox.Parameters.AddWithValue("$r", delivery.Recipient);
                outbox.Parameters.AddWithValue("$b", delivery.Body);
                outbox.Parameters.AddWithValue("$t", (batch.Entries.Count > 0 ? batch.Entries[0].RecordedAt : DateTimeOffset.UnixEpoch).ToString("O"));
                await outbox.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new RecordResult(Conflict: false, AlreadyRecorded: false, Pending: batch.Deliveries);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task MarkSentAsync(IReadOnlyCollection<Guid> deliveryIds, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            foreach (var id in deliveryIds)
            {
                var command = Command(connection, null, "UPDATE outbox_deliveries SET sent_at = $t WHERE delivery_id = $d AND sent_at IS NULL");
                command.Parameters.AddWithValue("$t", sentAt.ToString("O"));
                command.Parameters.AddWithValue("$d", id.ToString());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

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
        var command = Command(connection, null, $"SELECT seq, {Columns} FROM ledger_entries WHERE seq > $after ORDER BY seq LIMIT $limit");
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
        var command = Command(connection, null, $"SELECT seq, {Columns} FROM ledger_entries WHERE event_id = $e ORDER BY seq");
        command.Parameters.AddWithValue("$e", eventId.ToString());
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxState>> OutboxForEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, null, "SELECT delivery_id, source, event_id, recipient, created_at, sent_at FROM outbox_deliveries WHERE event_id = $e ORDER BY recipient, delivery_id");
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
        var command = Command(connection, null, "SELECT delivery_id, source, event_id, recipient, created_at, sent_at, body FROM outbox_deliveries WHERE delivery_id = $d");
        command.Parameters.AddWithValue("$d", deliveryId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDelivery(State(reader), reader.GetString(6)) : null;
    }

    private static OutboxState State(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        Guid.Parse(reader.GetString(2)),
        reader.GetString(3),
        Timestamp(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Timestamp(reader.GetString(5)));

    private static DateTimeOffset Timestamp(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry
            {
                Sequence = reader.GetInt64(0),
                EntryId = Guid.Parse(reader.GetString(1)),
                RecordedAt = DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                Kind = LedgerEntryKinds.Parse(reader.GetString(3)),
                Outcome = reader.GetString(4),
                Source = reader.GetString(5),
                EventId = reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                EventType = NullableString(reader, 7),
                Recipient = NullableString(reader, 8),
                AgreementId = NullableString(reader, 9),
                AgreementVersion = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                FlowId = NullableString(reader, 11),
                Purpose = NullableString(reader, 12),
                LawfulBasis = NullableString(reader, 13),
                ConsentRef = NullableString(reader, 14),
                LegalGateway = NullableString(reader, 15),
                ReleasedFields = List(reader, 16),
                WithheldFields = List(reader, 17),
                Reasons = List(reader, 18),
                DeliveryId = reader.IsDBNull(19) ? null : Guid.Parse(reader.GetString(19)),
                SubjectPseudonyms = List(reader, 20),
                AgreementSetHash = NullableString(reader, 21),
                TraceId = NullableString(reader, 22),
                MessageId = NullableString(reader, 23),
                Footing = NullableString(reader, 24),
            });
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

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string[] List(SqliteDataReader reader, int ordinal) => JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];

    private static async Task InsertEntryAsync(SqliteConnection connection, SqliteTransaction? transaction, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, $"""
            INSERT OR IGNORE INTO ledger_entries ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
            """);
        object?[] values =
        [
            entry.EntryId.ToString(), entry.RecordedAt.ToString("O"), LedgerEntryKinds.ToText(entry.Kind), entry.Outcome, entry.Source,
            entry.EventId?.ToString(), entry.EventType, entry.Recipient, entry.AgreementId, entry.AgreementVersion,
            entry.FlowId, entry.Purpose, entry.LawfulBasis, entry.ConsentRef, entry.LegalGateway,
            JsonSerializer.Serialize(entry.ReleasedFields), JsonSerializer.Serialize(entry.WithheldFields), JsonSerializer.Serialize(entry.Reasons),
            entry.DeliveryId?.ToString(), JsonSerializer.Serialize(entry.SubjectPseudonyms), entry.AgreementSetHash, entry.TraceId, entry.MessageId, entry.Footing,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
