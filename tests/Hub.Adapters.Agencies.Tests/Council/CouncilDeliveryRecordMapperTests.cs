using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Council.AdultSocialCare;
using Hub.Adapters.Council.Deliveries;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class CouncilDeliveryRecordMapperTests
{
    private readonly CouncilDeliveryRecordMapper _mapper = new(new DischargeReferralMapper());

    [Fact]
    public void When_a_discharge_is_delivered_should_write_the_adult_social_care_referral_beside_the_payload()
    {
        var delivery = JsonSamples.Contracts<EventDelivered>("council", "discharge-deliveries.json")[0];

        var document = new DeliveryDocumentFactory(_mapper).Create(delivery);

        document.RecordType.ShouldBe(nameof(DischargeReferral));
        document.Record.ShouldNotBeNull().GetProperty("nhsNumber").GetString().ShouldBe("9990000026");
    }

    [Fact]
    public void When_a_discharge_lacks_required_fields_should_fail_naming_them()
    {
        var delivery = JsonSamples.Contracts<EventDelivered>("council", "discharge-deliveries.json")[1];

        _mapper.Map(delivery).ShouldNotBeNull().Problems.Select(p => p.Field)
            .ShouldBe(["payload.subject.nhsNumber", "payload.organisation", "payload.plannedDischargeAt"], ignoreOrder: true);
    }

    [Fact]
    public void When_dwp_answers_a_housing_check_should_file_a_case_note_for_housing_options_that_forbids_onward_sharing()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Council, "employment.status.answered", AgencyCode.Jcp, """
            { "queryId": "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301", "status": "employed", "checkedOn": "2026-11-23" }
            """, "DSA-013", "F2-dwp-s131-supply-to-housing", "homelessness-application", gateway: "WRA2012-s131");

        var note = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<DwpCheckOutcome>();

        note.QueryId.ShouldBe(Guid.Parse("2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301"));
        note.Status.ShouldBe(EmploymentStatus.Employed);
        note.CheckedOn.ShouldBe(new DateOnly(2026, 11, 23));
        note.Service.ShouldBe("housing-options");
        note.LegalGateway.ShouldBe("WRA2012-s131");
        note.OnwardSharingForbidden.ShouldBeTrue();
        note.SharedUnder.ShouldBe("DSA-013@1/F2-dwp-s131-supply-to-housing");
    }

    [Fact]
    public void When_a_dwp_answer_is_malformed_should_name_the_fields_without_values()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Council, "employment.status.answered", AgencyCode.Jcp, """
            { "queryId": "HOP-2026-5512", "status": "on-benefit" }
            """, "DSA-019", "F2-dwp-s131-supply-to-tf", "troubled-families", gateway: "WRA2012-s131");

        var result = _mapper.Map(delivery).ShouldNotBeNull();

        result.Problems.Select(p => p.Field).ShouldBe(["payload.queryId", "payload.status", "payload.checkedOn"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("HOP-2026-5512") && !p.ToString().Contains("on-benefit"));
    }

    [Fact]
    public void When_a_referral_arrives_without_the_indicator_should_take_it_in_with_the_indicator_left_unknown()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Council, "employment.referral.created", AgencyCode.Jcp, """
            { "subject": { "nino": "JZ306090C" }, "referralId": "REF-2026-4471", "programme": "work-programme", "provider": "ways-into-work",
              "referredOn": "2026-11-23", "supportNeeds": ["basic-skills"] }
            """, "DSA-011", "F1-referral-handover", "employment-support");

        var intake = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<EmploymentSupportReferral>();

        intake.ReferralId.ShouldBe("REF-2026-4471");
        intake.Nino.ShouldBe("JZ306090C");
        intake.SupportNeeds.ShouldBe(["basic-skills"]);
        intake.MentalHealthIndicator.ShouldBeNull();
    }

    [Fact]
    public void When_an_event_type_has_no_council_shape_should_leave_the_payload_alone()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Council, "custody.release.scheduled", AgencyCode.Probation, """
            { "subject": { "localId": "A1234BC" }, "releaseDate": "2026-12-04" }
            """, "DSA-001", "F2-council-housing", "resettlement-housing");

        _mapper.Map(delivery).ShouldBeNull();
    }
}
