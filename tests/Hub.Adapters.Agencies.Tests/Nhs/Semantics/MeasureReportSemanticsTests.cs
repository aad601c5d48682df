using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.Performance;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

public sealed class MeasureReportSemanticsTests
{
    private readonly MeasureReportIndicatorsMapper _mapper = new();

    [Theory]
    [InlineData("pending")]
    [InlineData("error")]
    public void When_the_report_is_not_complete_should_publish_no_indicators(string status)
    {
        var result = _mapper.Map(FhirVariant.MeasureReport().Set("status", status).Text);

        result.Problems.Select(p => p.Field).ShouldBe(["MeasureReport.status"]);
        result.Problems[0].Problem.ShouldStartWith(FhirReasonCodes.NotActionable);
    }

    [Fact]
    public void When_a_group_carries_an_unknown_modifier_should_refuse_the_return()
    {
        _mapper.Map(FhirVariant.MeasureReport().WithModifier("group[0]").Text)
            .Problems.Select(p => p.Field).ShouldBe(["MeasureReport.group[0].modifierExtension[0]"]);
    }
}
