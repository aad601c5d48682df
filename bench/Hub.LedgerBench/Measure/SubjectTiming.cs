using Hub.Reports.Subject;
using System.Diagnostics;
using System.Text.Json;
using Hub.Cli.Commands.Audit;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Microsoft.Extensions.Options;

namespace Hub.LedgerBench.Measure;

/// <summary>
/// Times the subject report as <c>hub audit subject</c> builds it (<see cref="SubjectReportBuilder"/> on the command's own
/// <see cref="AuditConnection"/>, then its JSON), in this process: the first run on a new connection pool, then warm runs.
/// </summary>
public static class SubjectTiming
{
    public static async Task<SubjectResult> RunAsync(string connectionString, string key, SubjectIdentifiers subject, int runs, CancellationToken cancellationToken)
    {
        var pseudonyms = new SubjectPseudonymiser(Options.Create(new LedgerOptions { SubjectKey = key })).Pseudonymise(subject, new AgencyCode("cli"));
        await using var connection = AuditConnection.Open(connectionString, new FileInfo("unused.db"))
            ?? throw new InvalidOperationException("The bench database could not be opened.");
        var times = new List<double>();
        SubjectReport? report = null;
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            report = await SubjectReportBuilder.BuildAsync(connection, pseudonyms, ["NHS number", "PNC id", "National Insurance number"], TimeProvider.System.GetUtcNow(), cancellationToken);
            _ = JsonSerializer.Serialize(report, AuditJson.Options);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var warm = times.Skip(1).Order().ToList();
        var recalled = report!.Decisions.Count(d => d.Recall?.RecallId is not null);
        return new SubjectResult(
            report.Decisions.Count, report.Disclosures, report.Denials, report.Consents.Count, recalled,
            times[0], warm[warm.Count / 2], warm[0], warm[^1], runs);
    }
}
