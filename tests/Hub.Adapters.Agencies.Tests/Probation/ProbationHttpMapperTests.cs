using System.Text.Json;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Probation.Sources;
using Hub.Contracts.Assessment.V1;
using Hub.Contracts.CaseManagement.V1;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.LeavingCare.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

public sealed class ProbationHttpMapperTests
{
    private readonly ProbationHttpMapper _mapper = new(new ProbationMappers());
    private readonly RecordSubmitter _submitter = DropSamples.Submitter("probation");

    [Fact]
    public void When_the_mapper_is_built_should_route_every_probation_sourced_event_type()
    {
        _mapper.EventTypes.ShouldBe(
            ["custody.release.scheduled", "custody.release.amended", "assessment.common.completed", "case.lead-professional.changed", "consent.recorded", "consent.withdrawn", "leaving-care.accommodation-need.identified"],
            ignoreOrder: true);
    }

    [Fact]
    public void When_a_release_notice_is_posted_should_map_it_like_the_release_list_row()
    {
        var body = """{"noticeId":"HMPBXI-2026-0412","noticeType":"NEW","issuedAt":"2026-11-02T09:15:00Z","prison":"HMP Brixton","pncId":"2019/0123456E","nomsId":"A1234BC","releaseDate":"2026-11-30","sentenceMonths":"8","resettlementArea":"Lewisham","cohortTier":"IOM"}""";
        var fromFile = DropSamples.Prepare(new ProbationFolderMapper(new ProbationMappers()), "probation", "release-list.csv")[0].Event!;

        var release = Post("custody.release.scheduled", body).Event.ShouldBeOfType<ReleaseScheduled>();

        release.ResettlementArea.ShouldBe("lewisham");
        release.Envelope.EventId.ShouldBe(fromFile.Envelope.EventId);
    }

    [Fact]
    public void When_a_new_notice_is_posted_as_an_amendment_should_name_the_notice_type()
    {
        var body = """{"noticeId":"HMPBXI-2026-0412","noticeType":"NEW","issuedAt":"2026-11-02T09:15:00Z","prison":"HMP Brixton","nomsId":"A1234BC","releaseDate":"2026-11-30","sentenceMonths":"8","resettlementArea":"lewisham"}""";

        Post("custody.release.amended", body).Problems.ShouldBe(["noticeType: must be AMENDED for custody.release.amended"]);
    }

    [Fact]
    public void When_an_assessment_and_a_transfer_are_posted_should_map_both()
    {
        Post("assessment.common.completed", """{"assessmentPk":"OASYS-771203","completedAt":"2026-11-10T16:20:00Z","offender":{"crn":"X123456"},"roshSummary":"LOW","sections":[{"code":"3","linkedToRisk":true}]}""")
            .Event.ShouldBeOfType<CommonAssessmentCompleted>().AccommodationNeed.ShouldBe(true);
        Post("case.lead-professional.changed", """{"transferId":"TR-2026-0091","crn":"X123456","fromAgency":"probation","toAgency":"nhs","newLeadRole":"DIP drugs worker","effectiveFrom":"2026-11-24T09:00:00Z"}""")
            .Event.ShouldBeOfType<LeadProfessionalChanged>();
    }

    [Fact]
    public void When_a_consent_is_posted_to_the_route_of_its_action_should_record_or_withdraw_it()
    {
        var given = """{"consentId":"C-LEW-OPTIN-0955","action":"GIVEN","recordedAt":"2026-11-02T14:05:00Z","pncId":"2023/0011872D","purposes":"enhanced-resettlement","agreementId":"DSA-009","givenAt":"2026-11-02T14:00:00Z","evidenceRef":"PRB-OPTIN-FORM-0955"}""";
        var withdrawn = """{"consentId":"C-LEW-OPTIN-0955","action":"WITHDRAWN","recordedAt":"2026-12-15T09:05:00Z","pncId":"2023/0011872D","withdrawnAt":"2026-12-15T09:00:00Z"}""";

        Post("consent.recorded", given).Event.ShouldBeOfType<ConsentRecorded>().AgreementId.ShouldBe("DSA-009");
        Post("consent.withdrawn", withdrawn).Event.ShouldBeOfType<ConsentWithdrawn>();
        Post("consent.withdrawn", given).Problems.ShouldBe(["action: must be WITHDRAWN for consent.withdrawn"]);
    }

    [Fact]
    public void When_a_referral_is_posted_should_map_it_and_name_bad_fields_in_the_body_s_camel_case()
    {
        var valid = """{"referralId":"DTR-2026-1744","crn":"PRB-001744","identifiedOn":"2026-11-18","responsibleLa":"Lambeth","residenceLa":"Southwark","pathwayPlan":"Y","dtrConsentRef":"DTR-C-1744"}""";

        Post("leaving-care.accommodation-need.identified", valid).Event.ShouldBeOfType<AccommodationNeedIdentified>().ResidenceAuthority.ShouldBe("southwark");
        Post("leaving-care.accommodation-need.identified", """{"referralId":"DTR-2026-1801","crn":"PRB-001801","identifiedOn":"2026-11-18","responsibleLa":"Lambeth"}""")
            .Problems.Select(p => p.Split(':')[0]).ShouldBe(["residenceLa", "dtrConsentRef"], ignoreOrder: true);
    }

    [Fact]
    public void When_an_event_type_probation_does_not_publish_is_posted_should_reject_it_naming_the_event_type()
    {
        Post("health.discharge.planned", "{}").Problems.ShouldHaveSingleItem().ShouldStartWith("eventType:");
    }

    private RecordMapping Post(string eventType, string body)
    {
        using var json = JsonDocument.Parse(body);
        return _submitter.Prepare(_mapper, new HttpIngestRecord(eventType, json.RootElement.Clone()), new RecordContext(_submitter.Agency, Guid.NewGuid(), "HTTP " + eventType));
    }
}
