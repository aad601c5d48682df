namespace Hub.Router.Consent.Sqlite;

/// <summary>
/// The Postgres recall tables' twins in the embedded ledger file (<see cref="Postgres.PostgresRecallSchema"/>): every
/// recall keyed by its cause, and the retraction register. Ids and times as text. <see cref="SqliteRecallMigration"/>
/// brings a file made before the tables were unified to this shape first.
/// </summary>
internal static class SqliteRecallSchema
{
    public static readonly string Sql = Tables() + RetractedEvents + Indexes;

    /// <summary>Creates the recall tables if missing; with a suffix, under other names (the migration's new tables, renamed once filled).</summary>
    public static string Tables(string suffix = "") => $"""

        CREATE TABLE IF NOT EXISTS recalls{suffix} (
            recall_id TEXT PRIMARY KEY, cause TEXT NOT NULL CHECK (cause IN ('consent-withdrawal', 'retraction')),
            cause_ref TEXT NOT NULL, reason_code TEXT, recipient TEXT NOT NULL, caused_at TEXT NOT NULL, requested_at TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS recall_deliveries{suffix} (
            recall_id TEXT NOT NULL REFERENCES recalls (recall_id), delivery_id TEXT NOT NULL,
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, PRIMARY KEY (recall_id, delivery_id));

        CREATE TABLE IF NOT EXISTS recall_acknowledgements{suffix} (
            recall_id TEXT PRIMARY KEY REFERENCES recalls (recall_id), acknowledged_at TEXT NOT NULL,
            received_at TEXT NOT NULL, erased INTEGER NOT NULL, not_held INTEGER NOT NULL);

        """;

    public const string RetractedEvents = """

        CREATE TABLE IF NOT EXISTS retracted_events (
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, retraction_id TEXT NOT NULL,
            reason TEXT NOT NULL, retracted_at TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (source, event_id, retraction_id));

        """;

    private const string Indexes = """

        CREATE INDEX IF NOT EXISTS recalls_cause ON recalls (cause, cause_ref);
        CREATE INDEX IF NOT EXISTS recall_deliveries_delivery ON recall_deliveries (delivery_id);
        CREATE INDEX IF NOT EXISTS retracted_events_retraction ON retracted_events (retraction_id);

        """;
}
