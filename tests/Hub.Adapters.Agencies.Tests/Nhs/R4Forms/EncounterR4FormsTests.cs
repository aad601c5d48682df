using Hub.Adapters.Nhs.Discharges;
using Hub.Contracts.Temporal;

namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

public sealed class EncounterR4FormsTests
{
    private const string Sample = "encounter-discharge-planned.json";
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 23, 9, 15, 0, TimeSpan.Zero);
    private readonly EncounterDischargeMapper _mapper = new(time: new FixedClock(ReadAt));

    [Fact]
    public void When_the_encounter_has_no_meta_should_map_it_as_occurring_when_read_with_a_stable_event_id()
    {
        var json = NhsSampleJson.With(Sample, r => r.Remove("meta"));

        var result = _mapper.Map(json);

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.OccurredAt.ShouldBe(ReadAt);
        result.Value.Envelope.EventId.ShouldBe(new EncounterDischargeMapper().Map(json).Value!.Envelope.EventId);
    }

    [Fact]
    public void When_the_planned_end_is_a_date_should_carry_day_precision()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["period"]!["end"] = "2026-11-25"));

        result.Problems.ShouldBeEmpty();
        result.Value!.PlannedDischargeAt.ShouldBe(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        result.Value.PlannedDischargeAtPrecision.ShouldBe(DateTimePrecision.Day);
    }

    [Fact]
    public void When_the_subject_is_a_contained_patient_should_resolve_it_as_the_referral_mapper_does()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r =>
        {
            r["contained"] = NhsSampleJson.Json("""[ { "resourceType": "Patient", "id": "pt", "identifier": [ { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000026" }, { "system": "https://fhir.nhs.uk/Id/local-patient-identifier", "value": "MRN-1" } ] } ]""");
            r["subject"] = NhsSampleJson.Json("""{ "reference": "#pt" }""");
        }));

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.Subject!.NhsNumber.ShouldBe("9990000026");
        result.Value.Envelope.Subject.LocalId.ShouldBe("MRN-1");
    }

    [Fact]
    public void When_the_subject_is_a_literal_reference_with_an_identifier_should_read_the_identifier()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["subject"]!["reference"] = "Patient/123"));

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.Subject!.NhsNumber.ShouldBe("9990000026");
    }
}
