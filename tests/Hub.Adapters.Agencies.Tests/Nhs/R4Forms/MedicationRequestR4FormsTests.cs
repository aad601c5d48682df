using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Temporal;

namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

public sealed class MedicationRequestR4FormsTests
{
    private const string Sample = "medication-request-ost.json";
    private const string DosePath = "MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity";
    private readonly MedicationRequestContinuityMapper _mapper = new();

    [Theory]
    [InlineData("2026-11-20", 2026, 11, 20, DateTimePrecision.Day)]
    [InlineData("2026-11", 2026, 11, 1, DateTimePrecision.Month)]
    [InlineData("2026", 2026, 1, 1, DateTimePrecision.Year)]
    public void When_authored_on_is_a_date_without_time_should_map_and_carry_the_precision_sent(string authoredOn, int year, int month, int day, DateTimePrecision precision)
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["authoredOn"] = authoredOn));

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.OccurredAt.ShouldBe(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
        result.Value.Envelope.OccurredAtPrecision.ShouldBe(precision);
    }

    [Fact]
    public void When_authored_on_has_a_time_should_carry_no_precision()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["authoredOn"] = "2026-11-20T09:30:00+01:00"));

        result.Value!.Envelope.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero));
        result.Value.Envelope.OccurredAtPrecision.ShouldBeNull();
    }

    [Fact]
    public void When_the_first_category_is_a_standard_coding_without_text_should_take_the_regime_from_a_later_category()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["category"] = NhsSampleJson.Json("""
            [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "code": "community" } ] },
              { "text": "opioid substitution therapy" } ]
            """)));

        result.Problems.ShouldBeEmpty();
        result.Value!.Regime.ShouldBe("opioid substitution therapy");
    }

    [Fact]
    public void When_no_category_has_text_should_take_the_regime_code_from_the_configured_system()
    {
        var codings = new FhirCodingOptions { TreatmentRegime = "https://trust.example/CodeSystem/regime" };
        var json = NhsSampleJson.With(Sample, r => r["category"] = NhsSampleJson.Json("""
            [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "code": "community" } ] },
              { "coding": [ { "system": "https://trust.example/CodeSystem/regime", "code": "ost" } ] } ]
            """));

        new MedicationRequestContinuityMapper(codings: codings).Map(json).Value!.Regime.ShouldBe("ost");
        _mapper.Map(json).Problems.ShouldHaveSingleItem().Field.ShouldBe("MedicationRequest.category");
    }

    [Fact]
    public void When_the_dose_is_in_ml_should_carry_the_ucum_quantity_as_sent_and_no_mg_figure()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"] = NhsSampleJson.Json("""
            { "value": 60, "unit": "mL", "system": "http://unitsofmeasure.org", "code": "mL" }
            """)));

        result.Problems.ShouldBeEmpty();
        result.Value!.DailyDoseMg.ShouldBeNull();
        result.Value.DailyDose.ShouldNotBeNull().Unit.ShouldBe("mL");
        result.Value.DailyDose.Value.ShouldBe(60m);
    }

    [Fact]
    public void When_the_dose_is_a_mass_in_another_unit_should_convert_it_to_mg_exactly_and_keep_it_as_sent()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"] = NhsSampleJson.Json("""
            { "value": 0.06, "unit": "g", "system": "http://unitsofmeasure.org", "code": "g" }
            """)));

        result.Value!.DailyDoseMg.ShouldBe(60m);
        result.Value.DailyDose!.Unit.ShouldBe("g");
    }

    [Theory]
    [InlineData("""{ "value": 60, "unit": "mg" }""")]
    [InlineData("""{ "value": 60, "system": "http://unitsofmeasure.org", "code": "spoonful" }""")]
    public void When_the_dose_unit_is_not_ucum_should_refuse_it_naming_the_code(string quantity)
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"] = NhsSampleJson.Json(quantity)));

        result.Problems.ShouldHaveSingleItem().Field.ShouldBe($"{DosePath}.code");
    }

    [Fact]
    public void When_the_release_date_is_only_a_month_should_refuse_it_saying_it_needs_a_day()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["dispenseRequest"]!["validityPeriod"]!["end"] = "2026-12"));

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("MedicationRequest.dispenseRequest.validityPeriod.end");
        problem.Problem.ShouldContain("needs at least a day");
    }

    [Fact]
    public void When_the_subject_is_a_contained_patient_should_resolve_it_as_every_mapper_does()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r =>
        {
            r["contained"] = NhsSampleJson.Json("""[ { "resourceType": "Patient", "id": "p", "identifier": [ { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000131" } ] } ]""");
            r["subject"] = NhsSampleJson.Json("""{ "reference": "#p" }""");
        }));

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.Subject!.NhsNumber.ShouldBe("9990000131");
    }
}
