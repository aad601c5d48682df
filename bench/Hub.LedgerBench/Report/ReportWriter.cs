using System.Globalization;
using System.Text;

namespace Hub.LedgerBench.Report;

/// <summary>The report as Markdown, for the console and for docs/benchmarks.md.</summary>
public static class ReportWriter
{
    public static string Markdown(LedgerBenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (load, subject, verify) = (report.Load, report.Subject, report.Verify);
        var text = new StringBuilder();
        Line(text, $"## Ledger at scale: {load.Rows:N0} rows, {report.StartedAt:yyyy-MM-dd HH:mm}Z");
        Line(text, $"");
        Line(text, $"Machine: {report.Machine}. Server: {report.Server}.");
        Line(text, $"");
        Line(text, $"| target (issue 11, point 5) | measured | met? |");
        Line(text, $"| --- | --- | --- |");
        Line(text, $"| `hub audit subject` ≤ {LedgerBenchReport.SubjectTargetMs:N0} ms | **{subject.MedianMs:N1} ms** median of {subject.WarmRuns} warm builds (min {subject.MinMs:N1}, max {subject.MaxMs:N1}; first on a new pool {subject.FirstMs:N1} ms); whole command {report.SubjectCommandSeconds * 1000:N0} ms with .NET start-up | **{(report.SubjectMet ? "yes" : "no")}** |");
        Line(text, $"| `hub audit verify` ≥ {LedgerBenchReport.VerifyTargetRowsPerSecond:N0} rows/s | **{verify.RowsPerSecond:N0} rows/s**: {verify.RowsVerified + verify.UnsealedRows:N0} rows in {verify.Seconds:N1} s, peak memory {verify.PeakMemoryMiB:N0} MiB | **{(report.VerifyMet ? "yes" : "no")}** |");
        Line(text, $"");
        Line(text, $"The person of interest: {subject.Decisions:N0} decisions ({subject.Disclosures:N0} disclosed, {subject.Denials:N0} denied; {subject.DecisionsWithRecall:N0} with a recall), {subject.Consents} consents, among {load.Subjects:N0} other people with about {(load.Rows - load.InterestRows) / Math.Max(1, load.Subjects):N0} rows each.");
        Line(text, $"Verify: `{verify.Verdict}`");
        Line(text, $"CPU of verify: the command {verify.ClientCpuSeconds:N1} s ({verify.ClientMicrosPerRow:N1} µs/row), its server backend {verify.ServerCpuSeconds:N1} s ({verify.ServerMicrosPerRow:N1} µs/row); on two otherwise idle cores that would be about {verify.RowsPerSecondOnTwoFreeCores:N0} rows/s (an estimate from CPU time, not a measurement).");
        Line(text, $"");
        Line(text, $"Generated: {load.Rows:N0} rows and {load.Seals:N0} seals by binary COPY in {load.CopySeconds:N1} s ({load.CopyRowsPerSecond:N0} rows/s, sealing included); indexes rebuilt in {load.IndexSeconds:N1} s; consents and {load.Recalls:N0} recalls in {load.ConsentSeconds:N1} s; VACUUM ANALYZE {load.VacuumSeconds:N1} s. ledger_entries {load.TableSize} with indexes, ledger_entries_subject {load.SubjectIndexSize}.");
        Line(text, $"");
        Plan(text, "The subject query (`PostgresLedgerQueries.SubjectDecisions`)", report.Plans.Subject);
        Plan(text, "Consents (`consent_records.subject_pseudonyms && $1`)", report.Plans.Consents);
        Plan(text, "Recalls of the person's deliveries (`PostgresLedgerQueries.RecallsOfDeliveries`)", report.Plans.Recalls);
        return text.ToString();
    }

    private static void Plan(StringBuilder text, string title, string plan)
    {
        Line(text, $"{title}:");
        Line(text, $"");
        Line(text, $"```");
        text.AppendLine(plan);
        Line(text, $"```");
        Line(text, $"");
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
