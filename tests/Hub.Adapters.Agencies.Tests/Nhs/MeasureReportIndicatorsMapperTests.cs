using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Performance;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class MeasureReportIndicatorsMapperTests
{
    private readonly MeasureReportIndicatorsMapper _mapper = new();

    [Fact]
    public void When_a_summary_report_covers_a_quarter_should_map_to_an_aggregate_event_with_no_subject_and_no_footing()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "measure-report-vital-signs.json")));

        result.Problems.ShouldBeEmpty();
        var submitted = result.Value.ShouldNotBeNull();
        submitted.Period.ShouldBe("2026-Q3");
        submitted.ReportingBody.ShouldBe("nhs-lewisham");
        submitted.Indicators.Select(i => (i.Code, i.Value)).ShouldBe([("VSA-13", 61.2m), ("NI-123", 18.7m)]);
        submitted.Envelope.Classification.ShouldBe(DataClassification.AggregateNonPersonal);
        submitted.Envelope.Subject.ShouldBeNull();
        submitted.Envelope.Consent.ConsentRef.ShouldBeNull();
        submitted.Envelope.Consent.LegalGateway.ShouldBeNull();
        submitted.Envelope.Consent.CollectionPurpose.ShouldBe("performance-reporting");
        submitted.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_report_is_about_one_patient_should_refuse_it_naming_type_subject_and_score_without_the_nhs_number()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "measure-report-individual.json")));

        result.Problems.Select(p => p.Field).ShouldBe(["MeasureReport.type", "MeasureReport.subject", "MeasureReport.group[0].code.coding[indicator]", "MeasureReport.group[0].measureScore.value"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("9990000182"));
    }

    [Fact]
    public void When_the_period_is_not_a_calendar_quarter_should_keep_its_dates()
    {
        var json = File.ReadAllText(RepoPaths.Sample("nhs", "measure-report-vital-signs.json")).Replace("\"2026-09-30\"", "\"2026-08-31\"", StringComparison.Ordinal);

        _mapper.Map(json).Value!.Period.ShouldBe("2026-07-01/2026-08-31");
    }
}
