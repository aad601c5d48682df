namespace Hub.Router.Consent.Postgres;

/// <summary>
/// The recall store's tables (<see cref="Recalls.IRecallStore"/>): every recall keyed by its cause, whatever the cause,
/// and the register of retracted event ids (docs/adr/0020, amended). Insert-only. A database made before the tables
/// were unified is folded into them once, in the schema owner's transaction: consent recalls keep their rows and ids
/// (their cause is the consent they named), and the retraction recall tables are copied in and dropped.
/// </summary>
internal static class PostgresRecallSchema
{
    public const string Sql = Tables + Migration + Indexes;

    private const string Tables = """

        CREATE TABLE IF NOT EXISTS recalls (
            recall_id     uuid        PRIMARY KEY,
            cause         text        NOT NULL CONSTRAINT recalls_cause_check CHECK (cause IN ('consent-withdrawal', 'retraction')),
            cause_ref     text        NOT NULL,
            reason_code   text,
            recipient     text        NOT NULL,
            caused_at     timestamptz NOT NULL,
            requested_at  timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS recall_deliveries (
            recall_id    uuid  NOT NULL REFERENCES recalls (recall_id),
            delivery_id  uuid  NOT NULL,
            source       text  NOT NULL,
            event_id     uuid  NOT NULL,
            event_type   text  NOT NULL,
            PRIMARY KEY (recall_id, delivery_id)
        );

        CREATE TABLE IF NOT EXISTS recall_acknowledgements (
            recall_id        uuid        PRIMARY KEY REFERENCES recalls (recall_id),
            acknowledged_at  timestamptz NOT NULL,
            received_at      timestamptz NOT NULL,
            erased           integer     NOT NULL,
            not_held         integer     NOT NULL
        );

        CREATE TABLE IF NOT EXISTS retracted_events (
            source         text        NOT NULL,
            event_id       uuid        NOT NULL,
            event_type     text        NOT NULL,
            retraction_id  uuid        NOT NULL,
            reason         text        NOT NULL,
            retracted_at   timestamptz NOT NULL,
            recorded_at    timestamptz NOT NULL,
            PRIMARY KEY (source, event_id, retraction_id)
        );

        CREATE INDEX IF NOT EXISTS retracted_events_retraction ON retracted_events (retraction_id);

        """;

    /// <summary>
    /// Consent recalls had a <c>consent_id</c> column and at most one recall per delivery; retraction recalls had tables
    /// of their own. Their delivered ids also go into the register, the only ids of those retractions the hub still knows.
    /// </summary>
    private const string Migration = """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = current_schema() AND table_name = 'recalls' AND column_name = 'consent_id') THEN
                ALTER TABLE recalls ADD COLUMN IF NOT EXISTS cause text, ADD COLUMN IF NOT EXISTS cause_ref text,
                                    ADD COLUMN IF NOT EXISTS reason_code text, ADD COLUMN IF NOT EXISTS caused_at timestamptz;
                UPDATE recalls r SET cause = 'consent-withdrawal', cause_ref = r.consent_id,
                       caused_at = COALESCE((SELECT w.effective_at FROM consent_withdrawals w WHERE w.consent_id = r.consent_id), r.requested_at);
                ALTER TABLE recalls ALTER COLUMN cause SET NOT NULL, ALTER COLUMN cause_ref SET NOT NULL, ALTER COLUMN caused_at SET NOT NULL,
                                    DROP COLUMN consent_id,
                                    ADD CONSTRAINT recalls_cause_check CHECK (cause IN ('consent-withdrawal', 'retraction'));
                ALTER TABLE recall_deliveries DROP CONSTRAINT recall_deliveries_pkey, ADD PRIMARY KEY (recall_id, delivery_id);
                DROP INDEX IF EXISTS recall_deliveries_recall;
            END IF;

            IF to_regclass('retraction_recalls') IS NOT NULL THEN
                INSERT INTO recalls (recall_id, cause, cause_ref, reason_code, recipient, caused_at, requested_at)
                SELECT recall_id, 'retraction', retraction_id::text, reason, recipient, retracted_at, requested_at FROM retraction_recalls
                ON CONFLICT DO NOTHING;
                INSERT INTO recall_deliveries (recall_id, delivery_id, source, event_id, event_type)
                SELECT recall_id, delivery_id, source, event_id, event_type FROM retraction_recall_deliveries
                ON CONFLICT DO NOTHING;
                INSERT INTO recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held)
                SELECT recall_id, acknowledged_at, received_at, erased, not_held FROM retraction_recall_acknowledgements
                ON CONFLICT DO NOTHING;
                INSERT INTO retracted_events (source, event_id, event_type, retraction_id, reason, retracted_at, recorded_at)
                SELECT d.source, d.event_id, d.event_type, r.retraction_id, r.reason, r.retracted_at, r.requested_at
                FROM retraction_recalls r JOIN retraction_recall_deliveries d ON d.recall_id = r.recall_id
                ON CONFLICT DO NOTHING;
                DROP TABLE retraction_recall_acknowledgements, retraction_recall_deliveries, retraction_recalls;
            END IF;
        END
        $$;

        """;

    /// <summary>A cause's recalls; the recalls naming a delivery (the planners' "not named yet", <c>hub audit subject</c>).</summary>
    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS recalls_cause ON recalls (cause, cause_ref);
        CREATE INDEX IF NOT EXISTS recall_deliveries_delivery ON recall_deliveries (delivery_id);

        """;
}
