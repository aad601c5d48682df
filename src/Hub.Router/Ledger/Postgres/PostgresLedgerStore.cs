using Npgsql;
using NpgsqlTypes;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// Ledger, ingress register and outbox in Postgres. One transaction per ingress event: the register row makes
/// reprocessing idempotent, and the ledger rows commit before any delivery is sent (architecture §6, §7).
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource, PostgresLedgerMigration? migration = null) : ILedgerStore
{
    private const string Columns = """
        entry_id, recorded_at, kind, outcome, source, event_id, event_type, recipient, agreement_id, agreement_version,
        flow_id, purpose, lawful_basis, consent_ref, legal_gateway, released_fields, withheld_fields, reasons,
        delivery_id, subject_pseudonyms, agreement_set_hash, trace_id, message_id, footing
        """;

    /// <summary>
    /// Applies the schema through <paramref name="migration"/> (schema owner and runtime grants, docs/adr/0008), or,
    /// without one, as the runtime role itself.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        (migration ?? new PostgresLedgerMigration(dataSource, ownerConnectionString: null, requireAppendOnly: false)).ApplyAsync(cancellationToken);

    public async Task<RecordResult> RecordDecisionsAsync(DecisionBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var register = new NpgsqlCommand(
            """
            INSERT INTO ingress_events (source, event_id, content_hash, recorded_at)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (source, event_id) DO NOTHING
            """, connection, transaction))
        {
            register.Parameters.Add(new() { Value = batch.Source });
            register.Parameters.Add(new() { Value = batch.EventId });
            register.Parameters.Add(new() { Value = batch.ContentHash });
            register.Parameters.Add(new() { Value = batch.Entries.Count > 0 ? batch.Entries[0].RecordedAt : DateTimeOffset.UnixEpoch });
            if (await register.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var existingHash = await ExistingHashAsync(connection, transaction, batch, cancellationToken);
                if (!string.Equals(existingHash, batch.ContentHash, StringComparison.Ordinal))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return new RecordResult(Conflict: true, AlreadyRecorded: true, Pending: []);
                }

                var pending = await PendingAsync(connection, transaction, batch, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new RecordResult(Conflict: false, AlreadyRecorded: true, Pending: pending);
            }
        }

        foreach (var entry in batch.Entries)
        {
            await InsertEntryAsync(connection, transaction, entry, cancellationToken);
        }

        foreach (var delivery in batch.Deliveries)
        {
            await using var outbox = new NpgsqlCommand(
                """
                INSERT INTO outbox_deliveries (delivery_id, source, event_id, recipient, body, created_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (delivery_id) DO NOTHING
                """, connection, transaction);
            outbox.Parameters.Add(new() { Value = delivery.DeliveryId });
            outbox.Parameters.Add(new() { Value = batch.Source });
            outbox.Parameters.Add(new() { Value = batch.EventId });
            outbox.Parameters.Add(new() { Value = delivery.Recipient });
            outbox.Parameters.Add(new() { Value = delivery.Body, NpgsqlDbType = NpgsqlDbType.Jsonb });
            outbox.Parameters.Add(new() { Value = batch.Entries.Count > 0 ? batch.Entries[0].RecordedAt : DateTimeOffset.UnixEpoch });
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RecordResult(Conflict: false, AlreadyRecorded: false, Pending: batch.Deliveries);
    }

    public async Task MarkSentAsync(IReadOnlyCollection<Guid> deliveryIds, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        await using var command = dataSource.CreateCommand(
            "UPDATE outbox_deliveries SET sent_at = $1 WHERE delivery_id = ANY($2) AND sent_at IS NULL");
        command.Parameters.Add(new() { Value = sentAt });
        command.Parameters.Add(new() { Value = deliveryIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordRejectionAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertEntryAsync(connection, null, entry, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq, {Columns} FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2");
        command.Parameters.Add(new() { Value = afterSequence });
        command.Parameters.Add(new() { Value = limit });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task RecordOperatorAccessAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != LedgerEntryKind.OperatorAccess)
        {
            throw new ArgumentException("Only operator-access rows are recorded here.", nameof(entry));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertEntryAsync(connection, null, entry, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq, {Columns} FROM ledger_entries WHERE event_id = $1 ORDER BY seq");
        command.Parameters.Add(new() { Value = eventId });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxState>> OutboxForEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT delivery_id, source, event_id, recipient, created_at, sent_at FROM outbox_deliveries WHERE event_id = $1 ORDER BY recipient, delivery_id");
        command.Parameters.Add(new() { Value = eventId });
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
        await using var command = dataSource.CreateCommand(
            "SELECT delivery_id, source, event_id, recipient, created_at, sent_at, body::text FROM outbox_deliveries WHERE delivery_id = $1");
        command.Parameters.Add(new() { Value = deliveryId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDelivery(State(reader), reader.GetString(6)) : null;
    }

    private static OutboxState State(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetGuid(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));

    private static async Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry
            {
                Sequence = reader.GetInt64(0),
                EntryId = reader.GetGuid(1),
                RecordedAt = reader.GetFieldValue<DateTimeOffset>(2),
                Kind = LedgerEntryKinds.Parse(reader.GetString(3)),
                Outcome = reader.GetString(4),
                Source = reader.GetString(5),
                EventId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
                EventType = NullableString(reader, 7),
                Recipient = NullableString(reader, 8),
                AgreementId = NullableString(reader, 9),
                AgreementVersion = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                FlowId = NullableString(reader, 11),
                Purpose = NullableString(reader, 12),
                LawfulBasis = NullableString(reader, 13),
                ConsentRef = NullableString(reader, 14),
                LegalGateway = NullableString(reader, 15),
                ReleasedFields = reader.GetFieldValue<string[]>(16),
                WithheldFields = reader.GetFieldValue<string[]>(17),
                Reasons = reader.GetFieldValue<string[]>(18),
                DeliveryId = reader.IsDBNull(19) ? null : reader.GetGuid(19),
                SubjectPseudonyms = reader.GetFieldValue<string[]>(20),
                AgreementSetHash = NullableString(reader, 21),
                TraceId = NullableString(reader, 22),
                MessageId = NullableString(reader, 23),
                Footing = NullableString(reader, 24),
            });
        }

        return entries;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<string?> ExistingHashAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT content_hash FROM ingress_events WHERE source = $1 AND event_id = $2", connection, transaction);
        command.Parameters.Add(new() { Value = batch.Source });
        command.Parameters.Add(new() { Value = batch.EventId });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxDelivery>> PendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT delivery_id, recipient, body::text FROM outbox_deliveries WHERE source = $1 AND event_id = $2 AND sent_at IS NULL ORDER BY recipient",
            connection,
            transaction);
        command.Parameters.Add(new() { Value = batch.Source });
        command.Parameters.Add(new() { Value = batch.EventId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<OutboxDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new OutboxDelivery(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return pending;
    }

    private static async Task InsertEntryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO ledger_entries ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
            ON CONFLICT (entry_id) DO NOTHING
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = entry.EntryId });
        p.Add(new() { Value = entry.RecordedAt });
        p.Add(new() { Value = LedgerEntryKinds.ToText(entry.Kind) });
        p.Add(new() { Value = entry.Outcome });
        p.Add(new() { Value = entry.Source });
        p.Add(new NpgsqlParameter<Guid?> { TypedValue = entry.EventId, NpgsqlDbType = NpgsqlDbType.Uuid });
        p.Add(Text(entry.EventType));
        p.Add(Text(entry.Recipient));
        p.Add(Text(entry.AgreementId));
        p.Add(new NpgsqlParameter<int?> { TypedValue = entry.AgreementVersion, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(Text(entry.FlowId));
        p.Add(Text(entry.Purpose));
        p.Add(Text(entry.LawfulBasis));
        p.Add(Text(entry.ConsentRef));
        p.Add(Text(entry.LegalGateway));
        p.Add(new() { Value = entry.ReleasedFields.ToArray() });
        p.Add(new() { Value = entry.WithheldFields.ToArray() });
        p.Add(new() { Value = entry.Reasons.ToArray() });
        p.Add(new NpgsqlParameter<Guid?> { TypedValue = entry.DeliveryId, NpgsqlDbType = NpgsqlDbType.Uuid });
        p.Add(new() { Value = entry.SubjectPseudonyms.ToArray() });
        p.Add(Text(entry.AgreementSetHash));
        p.Add(Text(entry.TraceId));
        p.Add(Text(entry.MessageId));
        p.Add(Text(entry.Footing));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
