using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-09 through the worker processes (samples/cases/as-09-enhanced-resettlement.cases.yaml): probation's consent
/// register and release list, dropped as the case system exports them, reach police and housing with the
/// enhanced-resettlement fields while the opt-in stands; the withdrawal, dropped later, makes both workers erase
/// those deliveries from their outboxes and acknowledge; JCP's statutory copy stays; a later notice carries the
/// statutory fields only.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class OptInWithdrawalWorkersTests(ServersFixture servers)
{
    private const string ConsentId = "C-E2E-OPTIN-0955";
    private const string Header = "consent_id,action,recorded_at,pnc_id,noms_id,nino,nhs_number,purposes,recipients,agreement_id,given_at,expires_at,withdrawn_at,evidence_ref";

    [Fact]
    public async Task When_the_opt_in_is_withdrawn_should_erase_consent_based_deliveries_at_the_recipients_and_stop_sharing_on_it()
    {
        await using var hub = await WorkerHub.StartAsync(servers, AgencyCode.Probation, AgencyCode.Police, AgencyCode.Council, AgencyCode.Jcp);
        var now = TimeProvider.System.GetUtcNow();

        await hub.DropAsync(AgencyCode.Probation, "consents-1.csv", Csv(Header, $"{ConsentId},GIVEN,{Stamp(now.AddDays(-1))},{ReleaseListCsv.PncOf(1)},{ReleaseListCsv.NomsOf(1)},{ReleaseListCsv.NinoOf(1)},,enhanced-resettlement,police;council;jcp,,{Stamp(now.AddDays(-1))},,,PRB-OPTIN-FORM-E2E"));
        await hub.UntilAsync(() => ConsentQueries.IsRegisteredAsync(hub.Ledger, ConsentId), registered => registered, "the opt-in in the consent registry");

        await hub.DropAsync(AgencyCode.Probation, "release-list-1.csv", Csv(ReleaseListCsv.Header, ReleaseListCsv.NewNotice(1, ConsentId)));
        var first = RecordEventIds.For(AgencyCode.Probation, "release-notice", ReleaseListCsv.NoticeId(1));
        var police = await DeliveryOf(hub, AgencyCode.Police, first);
        var council = await DeliveryOf(hub, AgencyCode.Council, first);
        var jcp = await DeliveryOf(hub, AgencyCode.Jcp, first);
        PayloadFields.Of(police.Payload).ShouldContain("leadProfessional", "the enhanced field leaves on the opt-in (DSA-009 F1)");
        PayloadFields.Of(council.Payload).ShouldContain("cohortTier", "the enhanced field leaves on the opt-in (DSA-009 F2)");
        var footings = await ConsentQueries.DecisionsAsync(hub.Ledger, first);
        footings.Single(d => d.Recipient == "police").Footing.ShouldBe("consent");
        footings.Single(d => d.Recipient == "jcp").Footing.ShouldNotBe("consent");

        await hub.DropAsync(AgencyCode.Probation, "consents-2.csv", Csv(Header, $"{ConsentId},WITHDRAWN,{Stamp(TimeProvider.System.GetUtcNow())},{ReleaseListCsv.PncOf(1)},{ReleaseListCsv.NomsOf(1)},,,,,,,,{Stamp(TimeProvider.System.GetUtcNow())},"));
        var recalls = await hub.UntilAsync(() => ConsentQueries.RecallsAsync(hub.Ledger, ConsentId), r => r.Count == 2 && r.All(x => x.Acknowledged), "both recalls acknowledged by the workers");
        recalls.Select(r => (r.Recipient, r.DeliveryId)).Order().ShouldBe([("council", council.DeliveryId), ("police", police.DeliveryId)]);
        hub.Sink(AgencyCode.Police).Documents().ShouldNotContain(d => d.DeliveryId == police.DeliveryId, "the police worker erased the consent-based delivery");
        hub.Sink(AgencyCode.Council).Documents().ShouldNotContain(d => d.DeliveryId == council.DeliveryId, "the council worker erased the consent-based delivery");
        Directory.GetFiles(hub.Sink(AgencyCode.Police).Path, "*.recall.json").ShouldHaveSingleItem("the recall notice is left for the agency's own process");
        hub.Sink(AgencyCode.Jcp).Documents().ShouldContain(d => d.DeliveryId == jcp.DeliveryId, "JCP received the notice on a statutory basis");

        await hub.DropAsync(AgencyCode.Probation, "release-list-2.csv", Csv(ReleaseListCsv.Header, ReleaseListCsv.NewNotice(2, ConsentId, person: 1)));
        var second = RecordEventIds.For(AgencyCode.Probation, "release-notice", ReleaseListCsv.NoticeId(2));
        var later = await DeliveryOf(hub, AgencyCode.Police, second);
        PayloadFields.Of(later.Payload).ShouldNotContain("leadProfessional", "after withdrawal only DSA-001's statutory fields leave");
        (await ConsentQueries.DecisionsAsync(hub.Ledger, second)).Where(d => d.Outcome == "allowed").ShouldAllBe(d => d.Footing != "consent");
    }

    private static async Task<Hub.Adapters.Core.Sinks.DeliveryDocument> DeliveryOf(WorkerHub hub, AgencyCode recipient, Guid eventId) =>
        (await hub.UntilAsync(() => hub.Sink(recipient).Documents().Where(d => d.EventId == eventId).ToList(), d => d.Count == 1, $"the {recipient} delivery")).Single();

    private static string Csv(string header, string row) => header + "\n" + row + "\n";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
