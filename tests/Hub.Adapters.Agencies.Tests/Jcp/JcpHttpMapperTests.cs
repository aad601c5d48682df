using System.Text.Json;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.Sources;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class JcpHttpMapperTests
{
    private readonly JcpHttpMapper _mapper = new(new EmploymentStatusCheckMapper(), new ProgrammeReferralMapper());

    [Fact]
    public void When_the_adviser_system_posts_a_referral_should_map_its_camel_case_body()
    {
        var mapping = Post("employment.referral.created", """
            { "referralId": "REF-2026-4471", "programmeCode": "WORK_PROGRAMME", "providerCode": "ways-into-work",
              "referredOn": "2026-11-23", "submittedAt": "2026-11-23T09:50:00Z", "nino": "JZ306090C",
              "supportNeeds": "basic-skills", "mentalHealthIndicator": "Y", "consentRef": "C-JCP-4471-MH" }
            """);

        var referral = mapping.Event.ShouldBeOfType<ReferralCreated>();
        referral.Programme.ShouldBe("work-programme");
        referral.SupportNeeds.ShouldBe(["basic-skills"]);
        referral.Envelope.Consent.ConsentRef.ShouldBe("C-JCP-4471-MH");
    }

    [Fact]
    public void When_the_benefit_system_posts_an_answered_check_should_keep_the_querys_gateway()
    {
        var mapping = Post("employment.status.answered", """
            { "queryId": "3b2c4d5e-6f70-4b8c-9dae-1f2a3b4c1901", "nino": "JZ975318C", "status": "NOT_IN_WORK",
              "checkedOn": "2026-11-23", "answeredAt": "2026-11-23T14:00:00Z", "legalGateway": "WRA2012-s131",
              "purpose": "troubled-families" }
            """);

        var answer = mapping.Event.ShouldBeOfType<EmploymentStatusAnswered>();
        answer.Status.ShouldBe(EmploymentStatus.NotEmployed);
        answer.Envelope.Consent.CollectionPurpose.ShouldBe("troubled-families");
    }

    [Fact]
    public void When_an_event_type_jcp_does_not_source_is_posted_should_refuse_it_naming_the_event_type()
    {
        var mapping = Post("employment.status.queried", """{ "queryId": "3b2c4d5e-6f70-4b8c-9dae-1f2a3b4c1901" }""");

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("eventType:");
        _mapper.EventTypes.ShouldBe(["employment.status.answered", "employment.referral.created"], ignoreOrder: true);
    }

    [Fact]
    public void When_a_body_field_has_the_wrong_json_type_should_name_its_path_only()
    {
        var mapping = Post("employment.referral.created", """{ "referralId": { "nino": "JZ306090C" } }""");

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldBe("$.referralId: not of the expected type");
    }

    private RecordMapping Post(string eventType, string body)
    {
        using var document = JsonDocument.Parse(body);
        return _mapper.Map(new HttpIngestRecord(eventType, document.RootElement.Clone()), new RecordContext(AgencyCode.Jcp, Guid.NewGuid(), $"HTTP {eventType}"));
    }
}
