using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

public sealed class EncounterSemanticsTests
{
    private readonly EncounterDischargeMapper _mapper = new();

    [Theory]
    [InlineData("planned")]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    [InlineData("finished")]
    public void When_the_stay_is_not_one_to_discharge_from_should_publish_no_discharge(string status)
    {
        var result = _mapper.Map(FhirVariant.Encounter().Set("status", status).Text);

        result.Value.ShouldBeNull();
        result.Problems.Select(p => p.Field).ShouldBe(["Encounter.status"]);
        result.Problems[0].Problem.ShouldStartWith(FhirReasonCodes.NotActionable);
    }

    [Fact]
    public void When_the_hospitalization_carries_an_unknown_modifier_should_refuse_the_discharge()
    {
        _mapper.Map(FhirVariant.Encounter().WithModifier("hospitalization").Text)
            .Problems.Select(p => p.Field).ShouldBe(["Encounter.hospitalization.modifierExtension[0]"]);
    }

    [Fact]
    public void When_a_published_encounter_is_entered_in_error_should_retract_every_earlier_version()
    {
        var published = _mapper.Map(FhirVariant.Encounter().Text).Value.ShouldNotBeNull();

        var retraction = _mapper.MapOrRetract(FhirVariant.Encounter().Set("status", "entered-in-error").Version("4").Json).Value.ShouldBeOfType<RecordRetracted>();

        retraction.RetractedEventIds.Count.ShouldBe(4);
        retraction.RetractedEventIds.ShouldContain(published.Envelope.EventId);
        retraction.RetractedEventType.ShouldBe("health.discharge.planned");
        retraction.Envelope.Subject.ShouldBe(published.Envelope.Subject);
    }
}
