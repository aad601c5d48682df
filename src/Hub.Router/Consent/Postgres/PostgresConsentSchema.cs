namespace Hub.Router.Consent.Postgres;

/// <summary>
/// Consent registry and recall tables (<see cref="PostgresRecallSchema"/>), created after the ledger's. Insert-only: a
/// withdrawal and an acknowledgement are rows of their own, so the runtime role needs no UPDATE or DELETE here either.
/// The one exception is <c>consent_held_events</c>, a work queue whose rows (event bodies) are deleted once decided.
/// </summary>
internal static class PostgresConsentSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS consent_records (
            consent_id          text        PRIMARY KEY,
            recorded_by         text        NOT NULL,
            purposes            text[]      NOT NULL,
            recipients          text[]      NOT NULL,
            agreement_id        text,
            given_at            timestamptz NOT NULL,
            expires_at          timestamptz,
            evidence_ref        text        NOT NULL,
            subject_pseudonyms  text[]      NOT NULL,
            event_id            uuid        NOT NULL,
            registered_at       timestamptz NOT NULL,
            content_hash        text        NOT NULL
        );

        CREATE INDEX IF NOT EXISTS consent_records_subject ON consent_records USING gin (subject_pseudonyms);

        CREATE TABLE IF NOT EXISTS consent_withdrawals (
            consent_id     text        PRIMARY KEY REFERENCES consent_records (consent_id),
            effective_at   timestamptz NOT NULL,
            stated_at      timestamptz NOT NULL,
            event_id       uuid        NOT NULL,
            registered_at  timestamptz NOT NULL
        );

        CREATE INDEX IF NOT EXISTS ledger_entries_consent ON ledger_entries (consent_ref) WHERE footing = 'consent';
        """ + PostgresRecallSchema.Sql + """
        CREATE TABLE IF NOT EXISTS consent_early_withdrawals (
            consent_id          text        NOT NULL,
            event_id            uuid        NOT NULL,
            source              text        NOT NULL,
            subject_pseudonyms  text[]      NOT NULL,
            stated_at           timestamptz NOT NULL,
            kept_at             timestamptz NOT NULL,
            PRIMARY KEY (consent_id, event_id)
        );

        CREATE TABLE IF NOT EXISTS consent_held_events (
            source        text        NOT NULL,
            event_id      uuid        NOT NULL,
            event_type    text        NOT NULL,
            consent_ref   text        NOT NULL,
            content_hash  text        NOT NULL,
            message_id    text,
            body          text        NOT NULL,
            arrived_at    timestamptz NOT NULL,
            release_at    timestamptz NOT NULL,
            PRIMARY KEY (source, event_id)
        );

        CREATE INDEX IF NOT EXISTS consent_held_events_release ON consent_held_events (release_at);
        CREATE INDEX IF NOT EXISTS consent_held_events_consent ON consent_held_events (consent_ref);
        """;
}
