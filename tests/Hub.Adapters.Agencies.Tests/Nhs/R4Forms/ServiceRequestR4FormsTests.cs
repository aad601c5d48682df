using Hub.Adapters.Nhs.Referrals;

namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

public sealed class ServiceRequestR4FormsTests
{
    private const string Sample = "service-request-referral.json";
    private readonly ServiceRequestReferralMapper _mapper = new();

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23T23:30:00-05:00")]
    public void When_authored_on_is_a_date_or_a_time_with_an_offset_should_refer_on_the_day_sent(string authoredOn)
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["authoredOn"] = authoredOn));

        result.Problems.ShouldBeEmpty();
        result.Value!.ReferredOn.ShouldBe(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void When_authored_on_is_only_a_month_should_refuse_it_saying_the_referral_date_needs_a_day()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["authoredOn"] = "2026-11"));

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("ServiceRequest.authoredOn");
        problem.Problem.ShouldContain("needs at least a day");
    }

    [Fact]
    public void When_the_programme_coding_is_not_first_should_choose_it_by_its_system()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["code"] = NhsSampleJson.Json("""
            { "coding": [ { "system": "http://snomed.info/sct", "code": "183339004" },
                          { "system": "https://fhir.agencyhub.example/CodeSystem/programme", "code": "recovery-and-social-inclusion" } ] }
            """)));

        result.Value!.Programme.ShouldBe("recovery-and-social-inclusion");
    }

    [Fact]
    public void When_the_programme_has_no_coding_in_its_system_should_refuse_naming_the_coding()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["code"] = NhsSampleJson.Json("""{ "coding": [ { "system": "http://snomed.info/sct", "code": "183339004" } ] }""")));

        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("ServiceRequest.code.coding[programme]");
    }

    [Fact]
    public void When_a_support_need_has_another_coding_first_should_choose_the_support_need_system()
    {
        var result = _mapper.Map(NhsSampleJson.With(Sample, r => r["orderDetail"] = NhsSampleJson.Json("""
            [ { "coding": [ { "system": "http://snomed.info/sct", "code": "1234" },
                            { "system": "https://fhir.agencyhub.example/CodeSystem/support-need", "code": "confidence" } ] },
              { "text": "benefits advice" } ]
            """)));

        result.Value!.SupportNeeds.ShouldBe(["confidence", "benefits advice"]);
    }
}
