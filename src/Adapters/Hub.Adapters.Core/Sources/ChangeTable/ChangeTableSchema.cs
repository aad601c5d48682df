using Hub.Adapters.Core.Sinks.Postgres;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// The DDL the source needs in the agency's database. The state tables are created at start if missing (or by a
/// DBA beforehand: it is idempotent); the change table is the agency's, and <see cref="ExampleChangeTable"/> shows
/// the columns the source relies on.
/// </summary>
public static class ChangeTableSchema
{
    public static string StateTables(string watermarkTable, string quarantineTable) => SqlIdentifier.CreateSchemaFor(watermarkTable) + SqlIdentifier.CreateSchemaFor(quarantineTable) + $"""
        CREATE TABLE IF NOT EXISTS {SqlIdentifier.Require(watermarkTable)} (
            source_table text PRIMARY KEY,
            last_txid xid8 NOT NULL,
            last_change_id bigint NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {SqlIdentifier.Require(quarantineTable)} (
            source_table text NOT NULL,
            change_id bigint NOT NULL,
            reasons text[] NOT NULL,
            quarantined_at timestamptz NOT NULL,
            PRIMARY KEY (source_table, change_id)
        );
        """;

    /// <summary>
    /// A change table the source can poll: <c>txid</c> records the inserting transaction, and the index serves the
    /// poll's order. Rows may hold the record's columns directly or a <c>jsonb</c> column; every column but
    /// <c>txid</c> reaches the mapper.
    /// </summary>
    public static string ExampleChangeTable(string table) => SqlIdentifier.CreateSchemaFor(table) + $"""
        CREATE TABLE IF NOT EXISTS {SqlIdentifier.Require(table)} (
            change_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
            record_kind text NOT NULL,
            changed_at timestamptz NOT NULL DEFAULT now(),
            record jsonb NOT NULL
        );
        CREATE INDEX IF NOT EXISTS {IndexName(table)} ON {SqlIdentifier.Require(table)} (txid, change_id);
        """;

    private static string IndexName(string table) => SqlIdentifier.Require(table).Replace('.', '_') + "_poll_order";
}
