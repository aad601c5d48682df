using System.Text;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// What the router's runtime role may do to each table, granted by the schema owner (docs/adr/0008). Every table
/// of the schema is in exactly one list; revoking everything first removes any earlier UPDATE or DELETE grant.
/// </summary>
public static class PostgresRuntimeGrants
{
    /// <summary>
    /// INSERT and SELECT only: the ledger, its seals, the ingress register, the outbox and its sent marks, the consent
    /// registry, the recalls of every cause and the retraction register, and the provenance marks (a withdrawal, a
    /// retraction, a confirmed send or an acknowledgement is a new row, never an edit).
    /// </summary>
    public static readonly IReadOnlyList<string> AppendOnly =
    [
        "ledger_entries", "ledger_seals", "ingress_events", "outbox_deliveries", "outbox_sent",
        "consent_records", "consent_withdrawals", "recalls", "recall_deliveries", "recall_acknowledgements",
        "provenance_marks", "retracted_events", "consent_early_withdrawals", "ledger_anchor_exports",
    ];

    /// <summary>
    /// SELECT, INSERT and DELETE: work queues whose rows are not records, deleted once done. Events held for a consent
    /// not yet recorded carry the event's personal data only until they are decided (docs/adr/0018).
    /// </summary>
    public static readonly IReadOnlyList<string> Transient = ["consent_held_events"];

    /// <summary>SELECT only: written by the admin role (retention, migration).</summary>
    public static readonly IReadOnlyList<string> ReadOnly = ["ledger_prunes", "ledger_schema"];

    public static IEnumerable<string> AllTables => AppendOnly.Concat(Transient).Concat(ReadOnly);

    /// <param name="schema">The schema the tables are in.</param>
    /// <param name="role">The runtime role; quoted here, so any name is safe.</param>
    /// <param name="ledgerSequence">The identity sequence of ledger_entries as Postgres names it (already quoted).</param>
    public static string Sql(string schema, string role, string ledgerSequence)
    {
        var r = Quote(role);
        var sql = new StringBuilder();
        sql.AppendLine($"GRANT USAGE ON SCHEMA {Quote(schema)} TO {r};");
        sql.AppendLine($"REVOKE ALL ON TABLE {string.Join(", ", AllTables)} FROM {r};");
        sql.AppendLine($"GRANT SELECT, INSERT ON TABLE {string.Join(", ", AppendOnly)} TO {r};");
        sql.AppendLine($"GRANT SELECT, INSERT, DELETE ON TABLE {string.Join(", ", Transient)} TO {r};");
        sql.AppendLine($"GRANT SELECT ON TABLE {string.Join(", ", ReadOnly)} TO {r};");

        // The sealer reads the sequence's last value for its horizon; SELECT on a sequence does not allow nextval.
        sql.AppendLine($"REVOKE ALL ON SEQUENCE {ledgerSequence} FROM {r};");
        sql.AppendLine($"GRANT SELECT ON SEQUENCE {ledgerSequence} TO {r};");
        return sql.ToString();
    }

    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
