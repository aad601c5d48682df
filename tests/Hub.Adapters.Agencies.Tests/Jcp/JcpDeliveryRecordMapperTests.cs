using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Jcp.Deliveries;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class JcpDeliveryRecordMapperTests
{
    private readonly JcpDeliveryRecordMapper _mapper = new();

    [Fact]
    public void When_a_release_notice_is_delivered_should_become_a_claim_appointment_work_item_citing_the_flow()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "custody.release.scheduled", AgencyCode.Probation, """
            { "subject": { "nino": "JZ204060B" }, "releaseDate": "2026-12-04", "establishment": "HMP Sampleton",
              "addressOnRelease": "1 Example Street, Sampleton SX9 9ZZ" }
            """, "DSA-001", "F3-jcp-benefit-continuity", "benefit-continuity");

        var item = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<ClaimAppointmentRequest>();

        item.WorkItemId.ShouldBe(delivery.DeliveryId);
        item.Nino.ShouldBe("JZ204060B");
        item.ReleaseDate.ShouldBe(new DateOnly(2026, 12, 4));
        item.Establishment.ShouldBe("HMP Sampleton");
        item.Amended.ShouldBeFalse();
        item.SharedUnder.ShouldBe("DSA-001@1/F3-jcp-benefit-continuity");
        item.RetainUntil.ShouldBe(AgencyDeliveries.DecidedAt.AddDays(365));
        new DeliveryDocumentFactory(_mapper).Create(delivery).RecordType.ShouldBe(nameof(ClaimAppointmentRequest));
    }

    [Fact]
    public void When_a_release_date_is_amended_should_ask_for_the_appointment_to_move()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "custody.release.amended", AgencyCode.Probation, """
            { "subject": { "nino": "JZ204060B" }, "releaseDate": "2026-12-07", "previousReleaseDate": "2026-12-04",
              "establishment": "HMP Sampleton" }
            """, "DSA-001", "F3-jcp-benefit-continuity", "benefit-continuity");

        var item = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<ClaimAppointmentRequest>();

        item.Amended.ShouldBeTrue();
        item.PreviousReleaseDate.ShouldBe(new DateOnly(2026, 12, 4));
        item.AddressOnRelease.ShouldBeNull();
    }

    [Fact]
    public void When_a_pre_release_claim_consent_is_delivered_should_file_it_for_the_claim_start()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "consent.recorded", AgencyCode.Probation, """
            { "subject": { "nino": "JZ204060B" }, "consentId": "C-PRC-0501", "purposes": ["benefit-continuity"],
              "givenAt": "2026-11-20T10:00:00Z", "expiresAt": "2027-05-20T10:00:00Z", "evidenceRef": "DOC-HMP-0501" }
            """, "DSA-005", "F1-jcp-claim-start", "benefit-continuity", consentRef: "C-PRC-0501");

        var consent = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<ClaimStartConsent>();

        consent.ConsentId.ShouldBe("C-PRC-0501");
        consent.Purposes.ShouldBe(["benefit-continuity"]);
        consent.ExpiresAt.ShouldBe(new DateTimeOffset(2027, 5, 20, 10, 0, 0, TimeSpan.Zero));
        consent.EvidenceRef.ShouldBe("DOC-HMP-0501");
    }

    [Fact]
    public void When_an_s131_query_is_delivered_its_work_item_should_answer_under_the_same_gateway_and_purpose()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "employment.status.queried", AgencyCode.Council, """
            { "subject": { "nino": "JZ975318C" }, "queryId": "3b2c4d5e-6f70-4b8c-9dae-1f2a3b4c1901",
              "jobStartDate": "2026-06-01", "checkpointWeeks": 25, "requestingProvider": "troubled-families-team" }
            """, "DSA-019", "F1-tf-s131-request", "troubled-families", gateway: "WRA2012-s131");

        var item = _mapper.Map(delivery).ShouldNotBeNull().Value.ShouldBeOfType<StatusCheckWorkItem>();
        var answer = new EmploymentStatusCheckMapper().Map(new EmploymentStatusCheckRecord
        {
            QueryId = item.QueryId.ToString(),
            Nino = item.Nino,
            Status = "IN_WORK",
            CheckedOn = "2026-11-23",
            AnsweredAt = "2026-11-23T14:00:00Z",
            ConsentRef = item.ConsentRef,
            LegalGateway = item.LegalGateway,
            Purpose = item.Purpose,
        }).Value.ShouldNotBeNull();

        item.CheckpointWeeks.ShouldBe(25);
        item.RequestingProvider.ShouldBe("troubled-families-team");
        answer.QueryId.ShouldBe(Guid.Parse("3b2c4d5e-6f70-4b8c-9dae-1f2a3b4c1901"));
        answer.Status.ShouldBe(EmploymentStatus.Employed);
        answer.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        answer.Envelope.Consent.CollectionPurpose.ShouldBe("troubled-families");
    }

    [Fact]
    public void When_required_fields_were_not_released_should_name_them_without_values()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "custody.release.scheduled", AgencyCode.Probation, """
            { "subject": { "localId": "A1234BC" }, "releaseDate": "04/12/2026" }
            """, "DSA-001", "F3-jcp-benefit-continuity", "benefit-continuity");

        var result = _mapper.Map(delivery).ShouldNotBeNull();

        result.Value.ShouldBeNull();
        result.Problems.Select(p => p.Field).ShouldBe(["payload.subject.nino", "payload.releaseDate", "payload.establishment"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("04/12/2026") && !p.ToString().Contains("A1234BC"));
    }

    [Fact]
    public void When_an_event_type_has_no_jcp_shape_should_leave_the_payload_alone()
    {
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "case.lead-professional.changed", AgencyCode.Probation, """
            { "subject": { "nino": "JZ204060B" }, "newLeadAgency": "nhs", "newLeadRole": "dip-team", "effectiveFrom": "2026-11-23T09:00:00Z" }
            """, "DSA-007", "F5-jcp-new-lead", "benefit-continuity");

        _mapper.Map(delivery).ShouldBeNull();
        new DeliveryDocumentFactory(_mapper).Create(delivery).Record.ShouldBeNull();
    }
}
