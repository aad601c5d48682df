using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-10 through the worker processes (samples/cases/as-10-employment-status-query.cases.yaml): JCP's status-check
/// export (samples/jcp/employment-status-checks.csv) answers one query under s131 and one on a job-outcome consent
/// the hub has no record of. The council's sink receives the first as a bare yes/no/unknown; the second is denied
/// with its reason and reaches no one; the malformed third row is quarantined. Needs JCP's <c>status-checks*.csv</c>
/// drop-folder route.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class EmploymentStatusWorkersTests(ServersFixture servers)
{
    private const string StatusChecks = "status-checks-2026-11-23.csv";

    [Fact]
    public async Task When_jcp_answers_status_checks_should_deliver_only_the_covered_answer_and_deny_the_one_without_consent()
    {
        // The consent is never recorded: decide at once rather than hold the query for the consent hold window (docs/adr/0018).
        await using var hub = await WorkerHub.StartAsync(servers, new Dictionary<string, string> { ["Router__ConsentHoldWindow"] = "00:00:00" }, AgencyCode.Jcp, AgencyCode.Council);
        await hub.DropAsync(AgencyCode.Jcp, StatusChecks, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "jcp", "employment-status-checks.csv")));

        var covered = RecordEventIds.For(AgencyCode.Jcp, "employment-status-check", "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301");
        var unconsented = RecordEventIds.For(AgencyCode.Jcp, "employment-status-check", "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1001");
        var rows = await hub.UntilAsync(() => LedgerQueries.RowsAsync(hub.Ledger), r => r.Count(x => x.EventId == covered || x.EventId == unconsented) >= 8, "four decisions for each valid row");

        // The ledger row is written before the delivery leaves: wait for the sink too.
        var answer = (await hub.UntilAsync(() => hub.Sink(AgencyCode.Council).Documents(), d => d.Count > 0, "the covered answer at the council sink")).ShouldHaveSingleItem();
        answer.EventId.ShouldBe(covered);
        PayloadFields.Of(answer.Payload).ShouldBe(["checkedOn", "queryId", "status"], "a yes/no/unknown only");
        answer.WithheldFields.ShouldContain("subject.nino");

        var denied = rows.Single(r => r.EventId == unconsented && r.Recipient == "council");
        denied.Outcome.ShouldBe("denied");
        denied.Reasons.ShouldContain(r => r.Contains("C-WIW-2231 is not in the consent registry", StringComparison.Ordinal));
        (await HubLedgerCounts.AllowedDeliveriesAsync(hub.Ledger, "council")).Count.ShouldBe(1, "only the covered answer leaves JCP");

        var source = hub.Source(AgencyCode.Jcp);
        await hub.UntilAsync(() => File.Exists(source.Report(StatusChecks)), done => done, "the file's result report");
        var report = System.Text.Json.JsonSerializer.Deserialize<Hub.Adapters.Core.Sources.DropFolder.DropFileReport>(await File.ReadAllTextAsync(source.Report(StatusChecks)), Hub.Contracts.ContractJson.Options)!;
        (report.Rows, report.Published).ShouldBe((3, 2));
        report.Quarantined.ShouldHaveSingleItem().Row.ShouldBe(3);
    }
}
