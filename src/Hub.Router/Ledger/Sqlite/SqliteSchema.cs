namespace Hub.Router.Ledger.Sqlite;

/// <summary>The Postgres schema's twin for the embedded store.</summary>
internal static class SqliteSchema
{
    /// <summary>Columns added since the first release, for ledger files created before them (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns = [("ledger_entries", "footing", "TEXT")];

    public const string Sql = """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS ingress_events (
            source TEXT NOT NULL, event_id TEXT NOT NULL, content_hash TEXT NOT NULL, recorded_at TEXT NOT NULL,
            PRIMARY KEY (source, event_id));

        CREATE TABLE IF NOT EXISTS ledger_entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_id TEXT NOT NULL UNIQUE, recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('decision', 'rejection')),
            outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'rejected')),
            source TEXT NOT NULL, event_id TEXT, event_type TEXT, recipient TEXT, agreement_id TEXT, agreement_version INTEGER,
            flow_id TEXT, purpose TEXT, lawful_basis TEXT, consent_ref TEXT, legal_gateway TEXT,
            released_fields TEXT NOT NULL, withheld_fields TEXT NOT NULL, reasons TEXT NOT NULL,
            delivery_id TEXT, subject_pseudonyms TEXT NOT NULL, agreement_set_hash TEXT, trace_id TEXT, message_id TEXT, footing TEXT);

        CREATE INDEX IF NOT EXISTS ledger_entries_event ON ledger_entries (source, event_id);

        CREATE TABLE IF NOT EXISTS outbox_deliveries (
            delivery_id TEXT PRIMARY KEY, source TEXT NOT NULL, event_id TEXT NOT NULL, recipient TEXT NOT NULL,
            body TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT);
        """;
}
