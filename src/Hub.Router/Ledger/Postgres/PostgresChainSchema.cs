namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// The seal and pruning tables, and the trigger the sealer's safe horizon relies on (docs/adr/0008): every statement
/// that inserts ledger rows first makes its transaction take an xid, before any row draws a seq. The identity
/// sequence must keep CACHE 1, so that its last value is the highest seq any session holds.
/// </summary>
internal static class PostgresChainSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS ledger_seals (
            seal_no           bigint      PRIMARY KEY CHECK (seal_no > 0),
            first_seq         bigint      NOT NULL,
            last_seq          bigint      NOT NULL,
            row_count         integer     NOT NULL CHECK (row_count > 0),
            encoding_version  integer     NOT NULL,
            previous_hash     text        NOT NULL,
            chain_hash        text        NOT NULL,
            content_digest    text        NOT NULL,
            sealed_at         timestamptz NOT NULL,
            CHECK (first_seq <= last_seq)
        );

        CREATE TABLE IF NOT EXISTS ledger_prunes (
            prune_no      bigint      PRIMARY KEY CHECK (prune_no > 0),
            through_seal  bigint      NOT NULL REFERENCES ledger_seals (seal_no),
            through_seq   bigint      NOT NULL,
            anchor_hash   text        NOT NULL,
            rows_pruned   bigint      NOT NULL,
            cutoff        timestamptz NOT NULL,
            pruned_at     timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS ledger_anchor_exports (
            sink_id       text        NOT NULL,
            through_seal  bigint      NOT NULL CHECK (through_seal > 0),
            exported_at   timestamptz NOT NULL,
            PRIMARY KEY (sink_id, through_seal)
        );

        CREATE OR REPLACE FUNCTION ledger_entries_take_xid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_current_xact_id();
            RETURN NULL;
        END
        $$;

        CREATE OR REPLACE TRIGGER ledger_entries_take_xid BEFORE INSERT ON ledger_entries
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_take_xid();
        """;
}
