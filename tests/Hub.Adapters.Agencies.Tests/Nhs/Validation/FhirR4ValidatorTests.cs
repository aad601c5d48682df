using Hl7.Fhir.Model;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;

namespace Hub.Adapters.Agencies.Tests.Nhs.Validation;

public sealed class FhirR4ValidatorTests
{
    [Theory]
    [InlineData("encounter-discharge-planned.json")]
    [InlineData("medication-request-ost.json")]
    [InlineData("service-request-referral.json")]
    [InlineData("measure-report-vital-signs.json")]
    public void When_a_sample_is_valid_r4_should_raise_no_error(string sample)
    {
        var resource = FhirResourceReader.Read<Resource>(File.ReadAllText(RepoPaths.Sample("nhs", sample))).Value.ShouldNotBeNull();

        var issues = FhirR4Validator.Unlogged.Validate(resource);

        issues.Where(i => i.Severity == FhirValidationSeverity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void When_an_encounter_breaks_base_r4_should_refuse_it_with_path_and_issue_code_and_no_value()
    {
        // Base R4's per-1: a period's start is not after its end. The parser accepts it; only the validator refuses it.
        const string json = """
            {"resourceType":"Encounter","id":"enc-1","meta":{"lastUpdated":"2026-11-23T10:00:00Z"},"status":"in-progress",
             "subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}},
             "serviceProvider":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"RJ2"}},
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
             "period":{"start":"2026-11-27T10:00:00Z","end":"2026-11-25T10:00:00Z"},
             "reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"Zebra-Secret-77"}]}]}
            """;

        var result = new EncounterDischargeMapper().Map(json);

        result.Succeeded.ShouldBeFalse();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("Encounter.period[0]");
        problem.Problem.ShouldBe("fhir-invalid: validator issue 1012 (invariant)");
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("9990000018") && !p.ToString().Contains("RJ2") && !p.ToString().Contains("Zebra"));
    }
}
