using Hl7.Fhir.Model;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>Every kind of record the NHS adapter writes passes the Firely validator against base R4: no error, no warning.</summary>
[Collection(StrictValidatorTests.Name)]
public sealed class DeliveryRecordValidationTests
{
    public static TheoryData<string> Kinds => WrittenRecords.Names;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void When_a_delivery_becomes_its_fhir_record_should_validate_against_base_r4_without_errors_or_warnings(string kind)
    {
        BaseR4Validation.Issues(WrittenRecords.Read(kind)).ShouldBeEmpty();
    }

    [Fact]
    public void When_a_record_breaks_an_r4_rule_the_validator_should_report_it_so_a_clean_result_means_something()
    {
        var communication = (Communication)WrittenRecords.Read("release scheduled");
        communication.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div><script>alert(1)</script></div>" };
        communication.Identifier[0].System = "not a uri";

        var issues = BaseR4Validation.Issues(communication);

        issues.ShouldContain(i => i.StartsWith("Error Invalid Communication.text[0].div", StringComparison.Ordinal));
        issues.ShouldContain(i => i.StartsWith("Error Invalid Communication.identifier[0].system", StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_record_has_no_narrative_the_validator_should_warn_as_dom_6_asks()
    {
        var report = (MeasureReport)WrittenRecords.Read("indicators submitted");
        report.Text = null;

        BaseR4Validation.Issues(report).ShouldHaveSingleItem().ShouldContain("dom-6");
    }
}
