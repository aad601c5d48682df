using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.TreatmentContinuity;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class MedicationRequestContinuityMapperTests
{
    private readonly MedicationRequestContinuityMapper _mapper = new();

    [Fact]
    public void When_an_ost_plan_names_a_release_date_should_map_to_treatment_continuity_required()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "medication-request-ost.json")));

        result.Problems.ShouldBeEmpty();
        var continuity = result.Value.ShouldNotBeNull();
        continuity.ReleaseDate.ShouldBe(new DateOnly(2026, 12, 1));
        continuity.Regime.ShouldBe("opioid substitution therapy");
        continuity.DailyDoseMg.ShouldBe(60m);
        continuity.TreatmentHandoverInPlace.ShouldBeTrue();
        continuity.Envelope.Consent.LegalGateway.ShouldBe("HSCA2012-s251B");
        continuity.Envelope.Consent.CollectionPurpose.ShouldBe("substance-misuse-treatment");
        continuity.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_check_digit_regime_and_release_date_are_wrong_should_name_each_field()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "medication-request-invalid.json")));

        result.Problems.Select(p => p.Field).ShouldBe(
            ["MedicationRequest.subject.identifier[nhs-number]", "MedicationRequest.category", "MedicationRequest.dispenseRequest.validityPeriod.end"],
            ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("9990000135"));
    }
}
