namespace Hub.Router.Ledger.Postgres;

/// <summary>Tables of the ledger, ingress register and outbox; created if missing at start-up.</summary>
internal static class PostgresSchema
{
    public static readonly string Sql = $$"""
        CREATE TABLE IF NOT EXISTS ingress_events (
            source        text        NOT NULL,
            event_id      uuid        NOT NULL,
            content_hash  text        NOT NULL,
            recorded_at   timestamptz NOT NULL,
            PRIMARY KEY (source, event_id)
        );

        CREATE TABLE IF NOT EXISTS ledger_entries (
            seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entry_id            uuid        NOT NULL UNIQUE,
            recorded_at         timestamptz NOT NULL,
            kind                text        NOT NULL CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('decision', 'rejection', 'operator-access')),
            outcome             text        NOT NULL CONSTRAINT ledger_entries_outcome_check CHECK (outcome IN ('allowed', 'denied', 'rejected', 'payload-viewed', 'replay-requested', 'replay-allowed', 'replay-denied', 'purged')),
            source              text        NOT NULL,
            event_id            uuid,
            event_type          text,
            recipient           text,
            agreement_id        text,
            agreement_version   integer,
            flow_id             text,
            purpose             text,
            lawful_basis        text,
            consent_ref         text,
            legal_gateway       text,
            released_fields     text[]      NOT NULL,
            withheld_fields     text[]      NOT NULL,
            reasons             text[]      NOT NULL,
            delivery_id         uuid,
            subject_pseudonyms  text[]      NOT NULL,
            agreement_set_hash  text,
            trace_id            text,
            message_id          text
        );

        -- Columns added since the first release (LedgerRowCodec.AddedColumns): footing, what an allowed decision relied
        -- on (recalls follow consent only, ADR 0007); subject_key_id, collection_purpose and event_facts (ADR 0019);
        -- event_key_id, event_signature_sha256 and delivery_sha256 (ADR 0025).
        {{PostgresLedgerValues.AddColumnsSql()}}

        -- Operator-access rows (docs/adr/0012): a ledger made before them has narrower checks, widened once here.
        -- Widening a CHECK is safe for every existing row; NOT VALID skips the full scan, and VALIDATE then checks
        -- without blocking writers.
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'ledger_entries'::regclass AND conname = 'ledger_entries_kind_check'
                           AND pg_get_constraintdef(oid) LIKE '%operator-access%') THEN
                ALTER TABLE ledger_entries DROP CONSTRAINT IF EXISTS ledger_entries_kind_check;
                ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
                    CHECK (kind IN ('decision', 'rejection', 'operator-access')) NOT VALID;
                ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_kind_check;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'ledger_entries'::regclass AND conname = 'ledger_entries_outcome_check'
                           AND pg_get_constraintdef(oid) LIKE '%replay-denied%') THEN
                ALTER TABLE ledger_entries DROP CONSTRAINT IF EXISTS ledger_entries_outcome_check;
                ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_outcome_check
                    CHECK (outcome IN ('allowed', 'denied', 'rejected', 'payload-viewed', 'replay-requested', 'replay-allowed', 'replay-denied', 'purged')) NOT VALID;
                ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_outcome_check;
            END IF;
        END
        $$;

        CREATE INDEX IF NOT EXISTS ledger_entries_event ON ledger_entries (source, event_id);
        -- hub ops trace looks an event up by id alone, whichever agency sent it.
        CREATE INDEX IF NOT EXISTS ledger_entries_event_id ON ledger_entries (event_id);
        CREATE INDEX IF NOT EXISTS ledger_entries_subject ON ledger_entries USING gin (subject_pseudonyms);
        -- hub audit subject asks which subject key ids the ledger holds: a seek per id, not a scan (ADR 0019).
        CREATE INDEX IF NOT EXISTS ledger_entries_subject_key ON ledger_entries (subject_key_id);
        -- A withdrawal's recall planner finds the consent-based disclosures under one consent without a scan.
        CREATE INDEX IF NOT EXISTS ledger_entries_consent ON ledger_entries (consent_ref) WHERE footing = 'consent';

        CREATE TABLE IF NOT EXISTS outbox_deliveries (
            delivery_id  uuid        PRIMARY KEY,
            source       text        NOT NULL,
            event_id     uuid        NOT NULL,
            recipient    text        NOT NULL,
            body         jsonb       NOT NULL,
            created_at   timestamptz NOT NULL,
            sent_at      timestamptz
        );

        -- Confirmed sends, one insert-only row each, written with a later group (issue 11): the runtime role never updates
        -- the outbox. sent_at on outbox_deliveries is kept for rows marked before this table existed.
        CREATE TABLE IF NOT EXISTS outbox_sent (
            delivery_id  uuid        PRIMARY KEY,
            sent_at      timestamptz NOT NULL
        );

        -- Keyed fingerprints of values delivered under a restricted gateway (docs/adr/0016): never the value.
        CREATE TABLE IF NOT EXISTS provenance_marks (
            fingerprint      text        NOT NULL,
            gateway          text        NOT NULL,
            origin_purpose   text        NOT NULL,
            origin_source    text        NOT NULL,
            marked_by_event  uuid        NOT NULL,
            origin_field     text        NOT NULL,
            obtained_at      timestamptz NOT NULL,
            PRIMARY KEY (fingerprint, gateway, origin_purpose)
        );

        CREATE INDEX IF NOT EXISTS outbox_deliveries_event_id ON outbox_deliveries (event_id);
        CREATE INDEX IF NOT EXISTS outbox_deliveries_unsent ON outbox_deliveries (source, event_id) WHERE sent_at IS NULL;
        """;
}
