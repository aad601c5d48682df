using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using static Hub.IntegrationTests.EndToEnd.ReleaseListDelivery;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-01 through the worker processes: a prison release list dropped at probation reaches the police, council, JCP
/// and NHS workers' sinks, each with only its DSA-001 flow's fields (samples/cases/as-01-release-notice.cases.yaml;
/// the list carries no NHS number, so the NHS receives none).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ReleaseNoticeWorkersTests(ServersFixture servers)
{
    /// <summary>The fields the sample's new notice carries (licence conditions stay in the prison's export).</summary>
    private static readonly string[] Present =
    [
        "subject.pncId", "subject.localId", "subject.nino", "releaseDate", "establishment", "sentenceBand", "resettlementArea",
        "addressOnRelease", "cohortTier", "substanceMisuseFlag", "mentalHealthFlag", "leadProfessional",
    ];

    [Fact]
    public async Task When_a_release_list_is_dropped_at_probation_should_reach_each_partner_sink_with_only_its_flow_fields()
    {
        await using var hub = await DropSampleAsync(servers);

        ShouldRelease(Single(hub, AgencyCode.Police, Scheduled), "F1-police-iom", "offender-management",
            ["addressOnRelease", "cohortTier", "establishment", "releaseDate", "resettlementArea", "sentenceBand", "subject.pncId"], Present);
        var council = Single(hub, AgencyCode.Council, Scheduled);
        ShouldRelease(council, "F2-council-housing", "resettlement-housing",
            ["addressOnRelease", "establishment", "releaseDate", "resettlementArea", "subject.localId"], Present);
        (council.Payload.GetProperty("subject").GetProperty("localId").GetString() == "A1234BC").ShouldBeFalse("the council receives a pseudonym, never the prison number");
        ShouldRelease(Single(hub, AgencyCode.Jcp, Scheduled), "F3-jcp-benefit-continuity", "benefit-continuity",
            ["addressOnRelease", "establishment", "releaseDate", "subject.nino"], Present);
        ShouldRelease(Single(hub, AgencyCode.Nhs, Scheduled), "F4-nhs-continuity-of-care", "continuity-of-care",
            ["establishment", "leadProfessional", "mentalHealthFlag", "releaseDate", "substanceMisuseFlag"], Present);

        // Every decision is ledgered; the sink documents are the ledger's allowed deliveries.
        var rows = await LedgerQueries.RowsAsync(hub.Ledger);
        var notice = Single(hub, AgencyCode.Police, Scheduled).EventId;
        rows.Where(r => r.EventId == notice).Select(r => (r.Recipient, r.Outcome)).Order()
            .ShouldBe([("council", "allowed"), ("jcp", "allowed"), ("nhs", "allowed"), ("police", "allowed")]);
        foreach (var recipient in Recipients)
        {
            rows.Single(r => r.EventId == notice && r.Recipient == recipient.Value).DeliveryId.ShouldBe(Single(hub, recipient, Scheduled).DeliveryId);
        }

        // The invalid third row is quarantined, the file finished.
        var source = hub.Source(AgencyCode.Probation);
        await hub.UntilAsync(() => File.Exists(source.Report(SampleFile)), done => done, "the file's result report");
        var report = System.Text.Json.JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(source.Report(SampleFile)), ContractJson.Options)!;
        (report.Rows, report.Published).ShouldBe((3, 2));
        report.Quarantined.ShouldHaveSingleItem().Row.ShouldBe(3);
    }
}
