namespace Hub.LedgerBench.Measure;

/// <summary>The EXPLAIN ANALYZE text of the subject report's look-ups, and whether the ledger one went through the subject index.</summary>
public sealed record PlanResult(string Subject, string Consents, string Recalls)
{
    public bool SubjectUsesIndex => Subject.Contains("ledger_entries_subject", StringComparison.Ordinal) && !Subject.Contains("Seq Scan on ledger_entries", StringComparison.Ordinal);
}
