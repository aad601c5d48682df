namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary>The delivery table's DDL; run at first use, or by a DBA beforehand (it is idempotent).</summary>
public static class PostgresSinkSchema
{
    public static string CreateTable(string table) => SqlIdentifier.CreateSchemaFor(table) + $"""
        CREATE TABLE IF NOT EXISTS {SqlIdentifier.Require(table)} (
            delivery_id uuid PRIMARY KEY,
            event_id uuid NOT NULL,
            event_type text NOT NULL,
            source text NOT NULL,
            agreement_id text NOT NULL,
            agreement_version integer NOT NULL,
            flow_id text NOT NULL,
            purpose text NOT NULL,
            lawful_basis text NOT NULL,
            consent_ref text,
            legal_gateway text,
            withheld_fields text[] NOT NULL,
            payload jsonb,
            occurred_at timestamptz NOT NULL,
            decided_at timestamptz NOT NULL,
            received_at timestamptz NOT NULL,
            retain_until timestamptz,
            onward_sharing_forbidden boolean NOT NULL,
            recalled_at timestamptz,
            recall_id uuid
        )
        """;
}
