using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-13 through the worker processes (samples/cases/as-13-s131-gateway.cases.yaml): the council's housing export
/// (samples/council/housing-applications.json) asks DWP under WRA 2012 s131 for a homelessness application; the JCP
/// worker's sink receives the query, JCP's status-check export answers it, and only the council's sink receives the
/// answer, under DSA-013. Police receive neither. Needs the council's <c>housing-applications*.json</c> and JCP's
/// <c>status-checks*.csv</c> drop-folder routes.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class S131GatewayWorkersTests(ServersFixture servers)
{
    private const string Applications = "housing-applications.json";

    [Fact]
    public async Task When_housing_asks_dwp_under_s131_should_deliver_the_query_to_jcp_and_only_the_answer_back_to_housing()
    {
        await using var hub = await WorkerHub.StartAsync(servers, AgencyCode.Council, AgencyCode.Jcp, AgencyCode.Police);
        await hub.DropAsync(AgencyCode.Council, Applications, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "council", Applications)));

        var query = (await hub.UntilAsync(() => hub.Sink(AgencyCode.Jcp).Documents(), d => d.Count > 0, "the s131 query at the JCP sink")).ShouldHaveSingleItem();
        (query.EventType, query.Agreement, query.Flow, query.Purpose).ShouldBe(("employment.status.queried", "DSA-013@1", "F1-housing-s131-request", "homelessness-application"));
        PayloadFields.Of(query.Payload).ShouldBe(["checkpointWeeks", "jobStartDate", "queryId", "requestingProvider", "subject.nino"]);

        // JCP's case worker answers the query it received, in its own export format (samples/jcp).
        var queryId = query.Payload.GetProperty("queryId").GetGuid();
        var nino = query.Payload.GetProperty("subject").GetProperty("nino").GetString();
        await hub.DropAsync(AgencyCode.Jcp, "status-checks-2026-11-23.csv", string.Join('\n',
            "query_id,nino,claim_ref,status,checked_on,answered_at,consent_ref,legal_gateway,purpose",
            $"{queryId:D},{nino},UC-0001-2231,IN_WORK,2026-11-23,2026-11-23T15:10:00Z,,WRA2012-s131,homelessness-application") + "\n");

        var answer = (await hub.UntilAsync(() => hub.Sink(AgencyCode.Council).Documents(), d => d.Count > 0, "the s131 answer at the council sink")).ShouldHaveSingleItem();
        (answer.EventType, answer.Agreement, answer.Flow, answer.Purpose).ShouldBe(("employment.status.answered", "DSA-013@1", "F2-dwp-s131-supply-to-housing", "homelessness-application"));
        PayloadFields.Of(answer.Payload).ShouldBe(["checkedOn", "queryId", "status"], "a yes/no/unknown and nothing about benefits or identity");
        answer.Payload.GetProperty("queryId").GetGuid().ShouldBe(queryId);
        answer.Payload.GetProperty("status").GetString().ShouldBe("employed");

        // Every other candidate is denied, and the police sink holds nothing from either side.
        var rows = await hub.UntilAsync(() => LedgerQueries.RowsAsync(hub.Ledger), r => r.Count(x => x.Kind == "decision") >= 8, "four decisions for the query and four for the answer");
        rows.Where(r => r.EventId == query.EventId && r.Outcome == "allowed").Select(r => r.Recipient).ShouldBe(["jcp"]);
        rows.Where(r => r.EventId == answer.EventId && r.Outcome == "allowed").Select(r => r.Recipient).ShouldBe(["council"]);
        hub.Sink(AgencyCode.Police).Count().ShouldBe(0);
    }
}
