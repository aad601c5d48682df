using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Council.Housing;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class HousingApplicationMapperTests
{
    private readonly HousingApplicationMapper _mapper = new();
    private readonly IReadOnlyList<HousingApplicationRecord> _records = JsonSamples.Records<HousingApplicationRecord>("council", "housing-applications.json");

    [Fact]
    public void When_an_application_declares_a_job_should_ask_dwp_under_s131_for_the_homelessness_application()
    {
        var query = _mapper.Map(_records[0]).Value.ShouldNotBeNull();

        query.JobStartDate.ShouldBe(new DateOnly(2026, 3, 2));
        query.CheckpointWeeks.ShouldBe(38);
        query.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        query.Envelope.Consent.CollectionPurpose.ShouldBe("homelessness-application");
        query.Envelope.Subject!.LocalId.ShouldBe("HOP-2026-5512");
        query.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_nino_is_missing_and_the_date_is_impossible_should_name_both_fields()
    {
        _mapper.Map(_records[1]).Problems.Select(p => p.Field).ShouldBe(["applicantNino", "declaredJobStart"], ignoreOrder: true);
    }
}
