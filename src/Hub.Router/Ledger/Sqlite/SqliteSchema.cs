using Hub.Router.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>The Postgres schema's twin for the embedded store.</summary>
internal static class SqliteSchema
{
    /// <summary>Columns added since the first release (<see cref="LedgerRowCodec.AddedColumns"/>), for ledger files created before them (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
        [.. LedgerRowCodec.AddedColumns.Select(c => ("ledger_entries", c.Name, SqliteLedgerValues.SqlType(c.Type)))];

    /// <summary>Indexes on added columns, created once <see cref="AddedColumns"/> exist.</summary>
    public const string AfterColumnsSql = "CREATE INDEX IF NOT EXISTS ledger_entries_subject_key ON ledger_entries (subject_key_id);";

    public const string Sql = """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS ingress_events (
            source TEXT NOT NULL, event_id TEXT NOT NULL, content_hash TEXT NOT NULL, recorded_at TEXT NOT NULL,
            PRIMARY KEY (source, event_id));

        CREATE TABLE IF NOT EXISTS ledger_entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_id TEXT NOT NULL UNIQUE, recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('decision', 'rejection', 'operator-access')),
            outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'rejected', 'payload-viewed', 'replay-requested', 'replay-allowed', 'replay-denied', 'purged')),
            source TEXT NOT NULL, event_id TEXT, event_type TEXT, recipient TEXT, agreement_id TEXT, agreement_version INTEGER,
            flow_id TEXT, purpose TEXT, lawful_basis TEXT, consent_ref TEXT, legal_gateway TEXT,
            released_fields TEXT NOT NULL, withheld_fields TEXT NOT NULL, reasons TEXT NOT NULL,
            delivery_id TEXT, subject_pseudonyms TEXT NOT NULL, agreement_set_hash TEXT, trace_id TEXT, message_id TEXT);

        CREATE INDEX IF NOT EXISTS ledger_entries_event ON ledger_entries (source, event_id);
        CREATE INDEX IF NOT EXISTS ledger_entries_event_id ON ledger_entries (event_id);

        CREATE TABLE IF NOT EXISTS outbox_deliveries (
            delivery_id TEXT PRIMARY KEY, source TEXT NOT NULL, event_id TEXT NOT NULL, recipient TEXT NOT NULL,
            body TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT);

        CREATE TABLE IF NOT EXISTS outbox_sent (delivery_id TEXT PRIMARY KEY, sent_at TEXT NOT NULL);
        """ + SqliteSubjectIndexSchema.Sql;

    private const string OldKindCheck = "kind IN ('decision', 'rejection')";
    private const string NewKindCheck = "kind IN ('decision', 'rejection', 'operator-access')";
    private const string OldOutcomeCheck = "outcome IN ('allowed', 'denied', 'rejected')";
    private const string NewOutcomeCheck = "outcome IN ('allowed', 'denied', 'rejected', 'payload-viewed', 'replay-requested', 'replay-allowed', 'replay-denied', 'purged')";

    /// <summary>
    /// Widens the kind and outcome checks of a ledger file made before operator-access rows (docs/adr/0012). SQLite
    /// cannot alter a CHECK; its documented way to loosen one without rebuilding the table is to edit the stored
    /// table definition (writable_schema) and bump the schema version, all in one transaction. Loosening a check
    /// never invalidates a stored row, and the rows, their seq and so the hash chain are untouched.
    /// </summary>
    public static async Task WidenChecksAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ledger_entries'";
        var definition = (string?)await read.ExecuteScalarAsync(cancellationToken);
        if (definition is null || definition.Contains(NewKindCheck, StringComparison.Ordinal))
        {
            return;
        }

        if (!definition.Contains(OldKindCheck, StringComparison.Ordinal) || !definition.Contains(OldOutcomeCheck, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The SQLite ledger's ledger_entries table has an unexpected definition; it cannot be upgraded for operator-access rows.");
        }

        var widened = definition.Replace(OldKindCheck, NewKindCheck, StringComparison.Ordinal).Replace(OldOutcomeCheck, NewOutcomeCheck, StringComparison.Ordinal);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA schema_version";
        var schemaVersion = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
        await using var edit = connection.CreateCommand();
        edit.Transaction = transaction;
#pragma warning disable CA2100 // The version number is read from SQLite above, never from input.
        edit.CommandText = $"""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = $sql WHERE type = 'table' AND name = 'ledger_entries';
            PRAGMA schema_version = {schemaVersion + 1};
            PRAGMA writable_schema = OFF;
            """;
#pragma warning restore CA2100
        edit.Parameters.AddWithValue("$sql", widened);
        await edit.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
