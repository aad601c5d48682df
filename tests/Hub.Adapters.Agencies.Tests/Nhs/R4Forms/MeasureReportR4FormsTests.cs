using Hub.Adapters.Nhs.Performance;
using Hub.Contracts.Temporal;

namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

public sealed class MeasureReportR4FormsTests
{
    private const string Sample = "measure-report-vital-signs.json";
    private readonly MeasureReportIndicatorsMapper _mapper = new();

    [Theory]
    [InlineData("2026-07", "2026-09", "2026-Q3")]
    [InlineData("2026-07", "2026-08", "2026-07/2026-08")]
    [InlineData("2026-07-01T00:00:00+01:00", "2026-09-30T23:59:59+01:00", "2026-Q3")]
    [InlineData("2026", "2026", "2026/2026")]
    public void When_the_period_is_given_at_any_r4_precision_should_label_it_at_that_precision(string start, string end, string label)
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["period"] = new System.Text.Json.Nodes.JsonObject { ["start"] = start, ["end"] = end }));

        result.Problems.ShouldBeEmpty();
        result.Value!.Period.ShouldBe(label);
    }

    [Fact]
    public void When_the_optional_date_is_absent_should_occur_at_meta_last_updated()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r.Remove("date")));

        result.Problems.ShouldBeEmpty();
        result.Value!.Envelope.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 15, 58, 0, TimeSpan.Zero));
    }

    [Fact]
    public void When_the_date_is_a_day_should_carry_day_precision()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["date"] = "2026-11-23"));

        result.Value!.Envelope.OccurredAtPrecision.ShouldBe(DateTimePrecision.Day);
    }

    [Fact]
    public void When_an_indicator_has_another_coding_first_should_choose_the_indicator_system()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["group"]![0]!["code"] = NhsSampleJson.Json("""
            { "coding": [ { "system": "https://pct.example/CodeSystem/local", "code": "L-1" },
                          { "system": "https://fhir.agencyhub.example/CodeSystem/performance-indicator", "code": "VSA-13" } ] }
            """)));

        result.Value!.Indicators[0].Code.ShouldBe("VSA-13");
    }
}
