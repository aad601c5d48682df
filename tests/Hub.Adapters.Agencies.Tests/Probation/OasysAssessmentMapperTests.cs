using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Probation.Assessments;
using Hub.Contracts.Assessment.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

public sealed class OasysAssessmentMapperTests
{
    private readonly OasysAssessmentMapper _mapper = new();
    private readonly IReadOnlyList<OasysAssessmentRecord> _records = DropSamples.Records<OasysAssessmentRecord>("probation", "oasys-assessments.json");

    [Fact]
    public void When_an_assessment_has_need_sections_should_map_them_to_the_common_needs()
    {
        var assessment = _mapper.Map(_records[0]).Value.ShouldNotBeNull();

        assessment.RiskOfHarm.ShouldBe(RiskLevel.Medium);
        assessment.AccommodationNeed.ShouldBe(true);
        assessment.SubstanceMisuseNeed.ShouldBe(true);
        assessment.MentalHealthHistory.ShouldBe(false);
        assessment.CompletedOn.ShouldBe(new DateOnly(2026, 11, 10));
        assessment.Envelope.Consent.LegalGateway.ShouldBe("ORA2014-s7");
        assessment.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_person_consented_to_passporting_should_tag_the_consent()
    {
        var consent = _mapper.Map(_records[1]).Value!.Envelope.Consent;

        consent.ConsentRef.ShouldBe("C-LEW-OPTIN-0955");
        consent.CollectionPurpose.ShouldBe("enhanced-resettlement");
    }

    [Fact]
    public void When_the_export_is_incomplete_should_name_each_field()
    {
        _mapper.Map(_records[2]).Problems.Select(p => p.Field)
            .ShouldBe(["completedAt", "offender.crn", "offender.pnc", "roshSummary"], ignoreOrder: true);
    }
}
