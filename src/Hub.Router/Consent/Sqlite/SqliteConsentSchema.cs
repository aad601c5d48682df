namespace Hub.Router.Consent.Sqlite;

/// <summary>The Postgres consent tables' twins in the embedded ledger file, with the recall store's (<see cref="SqliteRecallSchema"/>); lists as JSON arrays, times as ISO 8601.</summary>
internal static class SqliteConsentSchema
{
    public static readonly string Sql = """
        CREATE TABLE IF NOT EXISTS consent_records (
            consent_id TEXT PRIMARY KEY, recorded_by TEXT NOT NULL, purposes TEXT NOT NULL, recipients TEXT NOT NULL,
            agreement_id TEXT, given_at TEXT NOT NULL, expires_at TEXT, evidence_ref TEXT NOT NULL,
            subject_pseudonyms TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL, content_hash TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS consent_withdrawals (
            consent_id TEXT PRIMARY KEY REFERENCES consent_records (consent_id), effective_at TEXT NOT NULL,
            stated_at TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL);
        """ + SqliteRecallSchema.Sql + """
        CREATE TABLE IF NOT EXISTS consent_early_withdrawals (
            consent_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT NOT NULL, subject_pseudonyms TEXT NOT NULL,
            stated_at TEXT NOT NULL, kept_at TEXT NOT NULL, PRIMARY KEY (consent_id, event_id));

        CREATE TABLE IF NOT EXISTS consent_held_events (
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, consent_ref TEXT NOT NULL,
            content_hash TEXT NOT NULL, message_id TEXT, body TEXT NOT NULL, arrived_at TEXT NOT NULL, release_at TEXT NOT NULL,
            PRIMARY KEY (source, event_id));

        CREATE INDEX IF NOT EXISTS consent_held_events_release ON consent_held_events (release_at);
        CREATE INDEX IF NOT EXISTS consent_held_events_consent ON consent_held_events (consent_ref);
        """ + SqliteConsentSubjectIndexSchema.Sql;
}
