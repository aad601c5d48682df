namespace Hub.Router.Consent.Sqlite;

/// <summary>The Postgres consent and recall tables' twins in the embedded ledger file; lists as JSON arrays, times as ISO 8601.</summary>
internal static class SqliteConsentSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS consent_records (
            consent_id TEXT PRIMARY KEY, recorded_by TEXT NOT NULL, purposes TEXT NOT NULL, recipients TEXT NOT NULL,
            agreement_id TEXT, given_at TEXT NOT NULL, expires_at TEXT, evidence_ref TEXT NOT NULL,
            subject_pseudonyms TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL, content_hash TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS consent_withdrawals (
            consent_id TEXT PRIMARY KEY REFERENCES consent_records (consent_id), effective_at TEXT NOT NULL,
            stated_at TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS recalls (
            recall_id TEXT PRIMARY KEY, consent_id TEXT NOT NULL REFERENCES consent_records (consent_id),
            recipient TEXT NOT NULL, requested_at TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS recall_deliveries (
            delivery_id TEXT PRIMARY KEY, recall_id TEXT NOT NULL REFERENCES recalls (recall_id),
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS recall_acknowledgements (
            recall_id TEXT PRIMARY KEY REFERENCES recalls (recall_id), acknowledged_at TEXT NOT NULL,
            received_at TEXT NOT NULL, erased INTEGER NOT NULL, not_held INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS retraction_recalls (
            recall_id TEXT PRIMARY KEY, retraction_id TEXT NOT NULL, source TEXT NOT NULL, recipient TEXT NOT NULL,
            reason TEXT NOT NULL, retracted_at TEXT NOT NULL, requested_at TEXT NOT NULL);

        CREATE INDEX IF NOT EXISTS retraction_recalls_retraction ON retraction_recalls (retraction_id);

        CREATE TABLE IF NOT EXISTS retraction_recall_deliveries (
            recall_id TEXT NOT NULL REFERENCES retraction_recalls (recall_id), delivery_id TEXT NOT NULL,
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, PRIMARY KEY (recall_id, delivery_id));

        CREATE TABLE IF NOT EXISTS retraction_recall_acknowledgements (
            recall_id TEXT PRIMARY KEY REFERENCES retraction_recalls (recall_id), acknowledged_at TEXT NOT NULL,
            received_at TEXT NOT NULL, erased INTEGER NOT NULL, not_held INTEGER NOT NULL);

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
