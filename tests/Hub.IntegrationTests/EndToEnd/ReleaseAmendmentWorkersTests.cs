using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using static Hub.IntegrationTests.EndToEnd.ReleaseListDelivery;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-02 through the worker processes: the release list's amendment row moves the date to a Saturday. Every previous
/// recipient of the notice receives it with its own flow's fields, linked to the notice it supersedes (the event id
/// each sink already holds), with the weekend-release marker (samples/cases/as-02-release-amendment.cases.yaml).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ReleaseAmendmentWorkersTests(ServersFixture servers)
{
    private static readonly string[] Present =
    [
        "subject.pncId", "subject.localId", "subject.nino", "supersedesEventId", "releaseDate", "previousReleaseDate", "establishment",
        "resettlementArea", "weekendRelease", "amendmentReason",
    ];

    [Fact]
    public async Task When_an_amendment_row_follows_a_notice_should_reach_every_previous_recipient_superseding_the_notice()
    {
        await using var hub = await DropSampleAsync(servers);

        ShouldRelease(Single(hub, AgencyCode.Police, Amended), "F1-police-iom", "offender-management",
            ["establishment", "previousReleaseDate", "releaseDate", "resettlementArea", "subject.pncId", "supersedesEventId", "weekendRelease"], Present);
        ShouldRelease(Single(hub, AgencyCode.Council, Amended), "F2-council-housing", "resettlement-housing",
            ["establishment", "previousReleaseDate", "releaseDate", "resettlementArea", "subject.localId", "supersedesEventId", "weekendRelease"], Present);
        ShouldRelease(Single(hub, AgencyCode.Jcp, Amended), "F3-jcp-benefit-continuity", "benefit-continuity",
            ["establishment", "previousReleaseDate", "releaseDate", "subject.nino", "supersedesEventId"], Present);
        ShouldRelease(Single(hub, AgencyCode.Nhs, Amended), "F4-nhs-continuity-of-care", "continuity-of-care",
            ["establishment", "previousReleaseDate", "releaseDate", "supersedesEventId", "weekendRelease"], Present);

        foreach (var recipient in Recipients)
        {
            var notice = Single(hub, recipient, Scheduled);
            var amendment = Single(hub, recipient, Amended);
            amendment.Payload.GetProperty("supersedesEventId").GetGuid().ShouldBe(notice.EventId, $"{recipient}: the amendment names the notice it already holds");
            amendment.Payload.GetProperty("releaseDate").GetString().ShouldBe("2026-11-28");
            amendment.Payload.GetProperty("previousReleaseDate").GetString().ShouldBe(notice.Payload.GetProperty("releaseDate").GetString());
            if (amendment.Payload.TryGetProperty("weekendRelease", out var weekend))
            {
                weekend.GetBoolean().ShouldBeTrue($"{recipient}: the new date is a Saturday");
            }
        }

        // The council's pseudonym is stable, so the amendment lands on the same housing case as the notice.
        Single(hub, AgencyCode.Council, Amended).Payload.GetProperty("subject").GetProperty("localId").GetString()
            .ShouldBe(Single(hub, AgencyCode.Council, Scheduled).Payload.GetProperty("subject").GetProperty("localId").GetString());
    }
}
