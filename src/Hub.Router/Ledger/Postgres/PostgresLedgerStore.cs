using Hub.Router.Ledger.Storage;
using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// Ledger, ingress register and outbox in Postgres. One transaction per group of ingress events
/// (<see cref="PostgresGroupCommit"/>): the register row makes reprocessing idempotent, and the ledger rows commit
/// before any delivery is sent (architecture §6, §7). Sent marks are rows of their own (<c>outbox_sent</c>), so the
/// runtime role never updates a row.
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource, PostgresLedgerMigration? migration = null) : ILedgerStore
{
    private const string OutboxStateColumns = "o.delivery_id, o.source, o.event_id, o.recipient, o.created_at, COALESCE(o.sent_at, s.sent_at)";
    private static readonly string Placeholders = string.Join(", ", LedgerRowCodec.Columns.Select((_, i) => $"${i + 1}"));

    /// <summary>
    /// Applies the schema through <paramref name="migration"/> (schema owner and runtime grants, docs/adr/0008), or,
    /// without one, as the runtime role itself.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        (migration ?? new PostgresLedgerMigration(dataSource, ownerConnectionString: null, requireAppendOnly: false)).ApplyAsync(cancellationToken);

    public Task<IReadOnlyList<RecordResult>> RecordGroupAsync(IReadOnlyList<DecisionBatch> batches, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(sent);
        return PostgresGroupCommit.RunAsync(dataSource, batches, sent, cancellationToken);
    }

    public Task<IReadOnlyList<Provenance.ProvenanceMark>> FindProvenanceAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        return Provenance.Postgres.PostgresProvenance.FindAsync(dataSource, fingerprints, cancellationToken);
    }

    /// <summary>The server refused a statement (a constraint, a value it cannot store); a lost connection fails every batch alike.</summary>
    public bool IsBatchFailure(Exception exception) => exception is PostgresException { IsTransient: false };

    public async Task RecordRejectionAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertEntryAsync(connection, entry, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2");
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
        await InsertEntryAsync(connection, entry, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE event_id = $1 ORDER BY seq");
        command.Parameters.Add(new() { Value = eventId });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxState>> OutboxForEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {OutboxStateColumns} FROM outbox_deliveries o LEFT JOIN outbox_sent s USING (delivery_id) WHERE o.event_id = $1 ORDER BY o.recipient, o.delivery_id");
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
            $"SELECT {OutboxStateColumns}, o.body::text FROM outbox_deliveries o LEFT JOIN outbox_sent s USING (delivery_id) WHERE o.delivery_id = $1");
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
            entries.Add(PostgresLedgerValues.ReadEntry(reader));
        }

        return entries;
    }

    private static async Task InsertEntryAsync(NpgsqlConnection connection, LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO ledger_entries ({LedgerRowCodec.ColumnList}) VALUES ({Placeholders}) ON CONFLICT (entry_id) DO NOTHING", connection);
        PostgresLedgerValues.AddParameters(command.Parameters, entry);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
