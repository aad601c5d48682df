using System.Text.Json;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Council.EmploymentChecks;
using Hub.Adapters.Council.Performance;
using Hub.Adapters.Council.Registration;
using Hub.Adapters.Council.Sources;
using Hub.Adapters.Council.TroubledFamilies;
using Hub.Adapters.Council.WaysIntoWork;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Family.V1;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Registration.V1;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class CouncilHttpMapperTests
{
    private readonly CouncilHttpMapper _mapper = new(
        new EmploymentCheckRequestMapper(), new ProgrammeExitMapper(), new CaseConferenceMapper(), new BirthRegistrationMapper(), new PerformanceReturnMapper());

    [Fact]
    public void When_every_sourced_event_type_is_posted_in_the_councils_shape_should_map_each_to_its_contract()
    {
        Post("employment.status.queried", """
            { "requestId": "ECR-2026-1003", "service": "WAYS_INTO_WORK", "raisedAt": "2026-11-23T09:10:00Z", "nino": "JY864200C",
              "jobStartDate": "2025-11-24", "checkpointWeeks": "52", "consentRef": "C-WIW-2231" }
            """).Event.ShouldBeOfType<EmploymentStatusQueried>().CheckpointWeeks.ShouldBe(52);
        Post("employment.support.ended", """
            { "exitId": "WX-2026-4411", "nino": "JZ204060B", "jcpReferralId": "REF-2026-4411", "exitDate": "2026-12-10",
              "exitReason": "DISENGAGED", "consentRef": "C-WIW-4411", "recordedAt": "2026-12-10T16:00:00Z" }
            """).Event.ShouldBeOfType<SupportEnded>().Outcome.ShouldBe("disengaged");
        Post("family.case-conference.convened", """
            { "conferenceId": "TFC-2026-0419-02", "familyId": "TF-FAM-0419", "programme": "troubled-families",
              "convenedAt": "2026-12-09T08:00:00Z", "convenedFor": "2026-12-16T10:00:00Z",
              "leadAdult": { "personRef": "TF-FAM-0419-A", "pncId": "2020/0455123C" }, "criteria": { "educationConcern": true } }
            """).Event.ShouldBeOfType<CaseConferenceConvened>().EducationConcern.ShouldBe(true);
        Post("registration.birth.recorded", """
            { "entryRef": "LEW-2026-B-0420", "district": "Lewisham", "registeredAt": "2026-11-20T10:00:00Z", "childDateOfBirth": "2026-11-10",
              "informantNino": "JZ246813A", "multipleBirth": "Y", "tellUsOnce": "Y" }
            """).Event.ShouldBeOfType<BirthRecorded>().MultipleBirth.ShouldBe(true);
        Post("performance.indicators.submitted", """
            { "returnId": "PR-LEW-2026-Q3-R2", "period": "2026-27", "reportingBody": "lewisham", "signedOffAt": "2026-11-24T09:00:00Z",
              "indicators": [ { "code": "VSB14", "value": "7.5" } ] }
            """).Event.ShouldBeOfType<IndicatorsSubmitted>().Indicators.ShouldHaveSingleItem().Value.ShouldBe(7.5m);
    }

    [Fact]
    public void When_a_dwp_answer_is_posted_should_refuse_it_because_the_council_never_republishes_s131_data()
    {
        var mapping = Post("employment.status.answered", """{ "queryId": "3b2c4d5e-6f70-4b8c-9dae-1f2a3b4c1901", "status": "employed" }""");

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("eventType:");
        _mapper.EventTypes.ShouldNotContain("employment.status.answered");
    }

    [Fact]
    public void When_a_posted_record_is_invalid_should_answer_with_field_names_only()
    {
        var mapping = Post("registration.birth.recorded", """
            { "entryRef": "LEW-2026-B-0421", "district": "lewisham", "registeredAt": "2026-11-20T10:00:00Z", "childDateOfBirth": "2026-11-10",
              "informantNino": "JZ246813", "tellUsOnce": "N" }
            """);

        mapping.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(["informant_nino", "tell_us_once"], ignoreOrder: true);
        mapping.Problems.ShouldAllBe(p => !p.Contains("JZ246813"));
    }

    [Theory]
    [InlineData("null", "indicators")]
    [InlineData("[]", "indicators")]
    [InlineData("[null]", "indicators[0]")]
    public void When_a_return_has_no_indicator_lines_should_name_the_indicators(string indicators, string named)
    {
        var mapping = Post("performance.indicators.submitted", $$"""
            { "returnId": "PR-LEW-2026-Q4", "period": "2026-Q4", "reportingBody": "lewisham", "signedOffAt": "2027-02-01T09:00:00Z", "indicators": {{indicators}} }
            """);

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith(named + ":");
    }

    private RecordMapping Post(string eventType, string body)
    {
        using var document = JsonDocument.Parse(body);
        return _mapper.Map(new HttpIngestRecord(eventType, document.RootElement.Clone()), new RecordContext(AgencyCode.Council, Guid.NewGuid(), $"HTTP {eventType}"));
    }
}
