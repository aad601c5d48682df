using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Discharges;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class EncounterDischargeMapperTests
{
    private readonly EncounterDischargeMapper _mapper = new();

    [Fact]
    public void When_an_inpatient_encounter_has_a_planned_end_should_map_to_discharge_planned_under_the_s251B_gateway()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "encounter-discharge-planned.json")));

        result.Problems.ShouldBeEmpty();
        var discharge = result.Value.ShouldNotBeNull();
        discharge.EncounterId.ShouldBe("enc-8841");
        discharge.Organisation.ShouldBe("RJ2");
        discharge.PlannedDischargeAt.ShouldBe(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero));
        discharge.CarePackageRequired.ShouldBe(true);
        discharge.MentalHealthNeeds.ShouldBe(false);
        discharge.Envelope.Subject!.NhsNumber.ShouldBe("9990000026");
        discharge.Envelope.Subject.LocalId.ShouldBe("MRN-55120");
        discharge.Envelope.Consent.LegalGateway.ShouldBe("HSCA2012-s251B");
        discharge.Envelope.Consent.CollectionPurpose.ShouldBe("direct-care");
        discharge.Envelope.Classification.ShouldBe(DataClassification.SpecialCategoryHealth);
        discharge.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_same_encounter_version_is_read_twice_should_keep_the_event_id()
    {
        var json = File.ReadAllText(RepoPaths.Sample("nhs", "encounter-discharge-planned.json"));

        _mapper.Map(json).Value!.Envelope.EventId.ShouldBe(_mapper.Map(json).Value!.Envelope.EventId);
    }

    [Fact]
    public void When_the_nhs_number_and_planned_end_are_missing_should_name_both_fields_and_no_values()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "encounter-discharge-invalid.json")));

        result.Succeeded.ShouldBeFalse();
        result.Problems.Select(p => p.Field).ShouldBe(["Encounter.subject.identifier[nhs-number]", "Encounter.period.end"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("MRN-55121"));
    }

    [Fact]
    public void When_the_json_is_not_valid_fhir_should_report_instance_paths_without_values()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "encounter-not-fhir.json")));

        result.Succeeded.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.Field.Contains("period", StringComparison.Ordinal) || p.Field.Contains("madeUpElement", StringComparison.Ordinal));
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("not-a-date"));
    }

    [Fact]
    public void When_the_text_is_not_json_should_fail_with_a_document_problem()
    {
        _mapper.Map("{ not json").Problems.ShouldHaveSingleItem().Field.ShouldBe("$");
    }
}
