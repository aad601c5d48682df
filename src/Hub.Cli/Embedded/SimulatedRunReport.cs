using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Router.Ledger;

namespace Hub.Cli.Embedded;

/// <summary>
/// What <c>hub simulate --embedded</c> prints: rows read and quarantined per kind of file, then the router's decisions
/// counted by outcome, recipient, agreement and flow (denials by reason). Counts only; consent ids in reasons are masked.
/// </summary>
internal sealed partial class SimulatedRunReport(TextWriter output)
{
    /// <summary>The kind of a simulated drop file: its name up to the date (release-list, consents, …).</summary>
    public static string KindOf(DropFileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.File[..report.File.IndexOf("-2", StringComparison.Ordinal)];
    }

    /// <summary>A reason with any consent id masked.</summary>
    public static string Masked(string reason) => ConsentId().Replace(reason, "C-…");

    public void Write(IReadOnlyList<DropFileReport> reports, IReadOnlyList<LedgerEntry> entries, string ledgerPath, string probationRoot)
    {
        output.WriteLine($"Probation drop folder {probationRoot}: files taken by the SDK's drop-folder processor with the probation mappers");
        foreach (var kind in reports.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var problems = string.Join("; ", kind.SelectMany(r => r.Quarantined).SelectMany(q => q.Reasons).Distinct(StringComparer.Ordinal).Take(3));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key,-13} {kind.Count(),4} file(s) {kind.Sum(r => r.Rows),6} row(s) {kind.Sum(r => r.Published),6} published {kind.Sum(r => r.Quarantined.Count),6} quarantined{(problems.Length > 0 ? " (" + problems + ")" : string.Empty)}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Router decisions: {entries.Count} ledger row(s): {Count(entries, LedgerOutcome.Allowed)} allowed, {Count(entries, LedgerOutcome.Denied)} denied, {Count(entries, LedgerOutcome.Rejected)} rejected"));
        foreach (var group in entries.Where(e => e.Outcome == LedgerOutcome.Allowed).GroupBy(e => $"{e.Recipient,-9} {e.EventType} under {e.AgreementId}@{e.AgreementVersion} flow {e.FlowId}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  + {group.Count(),6}  {group.Key}"));
        }

        foreach (var group in entries.Where(e => e.Outcome != LedgerOutcome.Allowed).GroupBy(e => $"{LedgerOutcomes.ToText(e.Outcome)} {e.Recipient,-9} {e.EventType}: {Masked(e.Reasons.Count > 0 ? e.Reasons[0] : "?")}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  - {group.Count(),6}  {group.Key}"));
        }

        output.WriteLine($"Ledger: {ledgerPath}");
    }

    private static int Count(IReadOnlyList<LedgerEntry> entries, LedgerOutcome outcome) => entries.Count(e => e.Outcome == outcome);

    [GeneratedRegex(@"C-[A-Z0-9][A-Z0-9-]*")]
    private static partial Regex ConsentId();
}
