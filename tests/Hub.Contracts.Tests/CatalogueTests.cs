using Hub.Contracts.Catalogue;
using Hub.Contracts.Custody.V1;

namespace Hub.Contracts.Tests;

public class CatalogueTests
{
    [Fact]
    public void When_loaded_should_list_every_v1_event_of_the_seed_flows() =>
        EventCatalogue.All.Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(
        [
            "assessment.common.completed",
            "case.lead-professional.changed",
            "consent.recorded",
            "consent.withdrawn",
            "custody.release.amended",
            "custody.release.scheduled",
            "employment.referral.created",
            "employment.status.answered",
            "employment.status.queried",
            "employment.support.ended",
            "family.case-conference.convened",
            "health.discharge.planned",
            "health.record.retracted",
            "health.treatment-continuity.required",
            "leaving-care.accommodation-need.identified",
            "performance.indicators.submitted",
            "registration.birth.recorded",
        ]);

    [Fact]
    public void When_asked_for_fields_should_name_payload_fields_and_identifiers_but_not_the_envelope()
    {
        var fields = EventCatalogue.For<ReleaseScheduled>().Fields;
        fields.ShouldContain("releaseDate");
        fields.ShouldContain("mentalHealthFlag");
        fields.ShouldContain("subject.pncId");
        fields.ShouldNotContain("envelope");
    }

    [Fact]
    public void When_every_sample_event_is_looked_up_should_be_in_the_catalogue()
    {
        foreach (var @event in SampleEvents.All())
        {
            EventCatalogue.TryGet(@event.GetType(), out _).ShouldBeTrue(@event.GetType().Name);
        }
    }
}
