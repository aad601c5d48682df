using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Nhs.Deliveries;
using Hub.Adapters.Agencies.Tests.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class NhsDeliveryRecordMapperTests
{
    private readonly NhsDeliveryRecordMapper _mapper = new(WrittenRecords.Systems);

    [Fact]
    public void When_a_release_notice_is_delivered_should_become_a_fhir_communication_about_the_patient_by_nhs_number()
    {
        var delivery = NhsDeliveries.ReleaseScheduled();

        var communication = ParseBack<Communication>(_mapper.Map(delivery));

        communication.Status.ShouldBe(EventStatus.Completed);
        communication.Subject!.Identifier!.System.ShouldBe(FhirSystems.NhsNumber);
        communication.Subject!.Identifier!.Value.ShouldBe("9990000212");
        communication.Identifier.ShouldHaveSingleItem().Value.ShouldBe(delivery.DeliveryId.ToString());
        communication.Topic!.Coding.ShouldHaveSingleItem().Code.ShouldBe("custody.release.scheduled");
        communication.Category.ShouldHaveSingleItem().Coding.ShouldHaveSingleItem().Code.ShouldBe("notification");
        Lines(communication).ShouldBe(["Release date: 2026-12-04", "Establishment: HMP Fictional", "Substance misuse flagged: yes", "Mental health flagged: no", "Lead professional: offender manager, Lewisham team"]);
        communication.Note.ShouldHaveSingleItem().Text!.ShouldContain("DSA-001@1");
    }

    [Fact]
    public void When_an_amendment_is_delivered_should_give_both_dates_and_name_the_superseded_notice()
    {
        var communication = ParseBack<Communication>(_mapper.Map(NhsDeliveries.ReleaseAmended()));

        Lines(communication).ShouldContain("Previous release date: 2026-12-04");
        Lines(communication).ShouldContain("Weekend release: yes");
        communication.About.ShouldHaveSingleItem().Identifier!.Value.ShouldBe("4f0c2a8e-1111-4c1e-9a55-000000000001");
    }

    [Fact]
    public void When_the_flow_released_no_nhs_number_should_leave_the_communication_without_a_subject()
    {
        var delivery = NhsDeliveries.ReleaseScheduled("""{"releaseDate":"2026-12-04"}""");

        ParseBack<Communication>(_mapper.Map(delivery)).Subject.ShouldBeNull();
    }

    [Fact]
    public void When_the_release_date_is_missing_should_fail_naming_the_payload_field_only()
    {
        var result = _mapper.Map(NhsDeliveries.ReleaseScheduled("""{"subject":{"nhsNumber":"9990000212"},"establishment":"HMP Fictional"}""")).ShouldNotBeNull();

        result.Problems.Select(p => p.ToString()).ShouldBe(["payload.releaseDate: is required"]);
    }

    [Fact]
    public void When_a_lead_professional_change_is_delivered_should_say_who_leads_now_and_from_when()
    {
        var communication = ParseBack<Communication>(_mapper.Map(NhsDeliveries.LeadProfessionalChanged()));

        communication.Subject!.Identifier!.Value.ShouldBe("9990000220");
        Lines(communication).ShouldBe(["New lead agency: nhs", "Effective from: 2026-12-01T09:00:00+00:00", "Previous lead agency: probation", "New lead role: DIP key worker", "Reason: fictional transfer reason"]);
    }

    [Fact]
    public void When_partners_indicators_are_delivered_should_become_a_summary_measure_report_without_a_subject()
    {
        var report = ParseBack<MeasureReport>(_mapper.Map(NhsDeliveries.IndicatorsSubmitted()));

        report.Type.ShouldBe(MeasureReport.MeasureReportType.Summary);
        report.Subject.ShouldBeNull();
        report.Period!.Start.ShouldBe("2026-07-01");
        report.Period!.End.ShouldBe("2026-09-30");
        report.Group.Select(g => (g.Code!.Coding[0].Code, g.MeasureScore!.Value)).ShouldBe([("NI-039", (decimal?)212.4m), ("NI-152", (decimal?)12.5m)]);
    }

    [Fact]
    public void When_the_event_type_has_no_fhir_shape_should_return_null_so_the_document_carries_the_payload_only()
    {
        _mapper.Map(NhsDeliveries.AssessmentCompleted()).ShouldBeNull();
    }

    [Fact]
    public void When_a_sink_builds_the_document_should_carry_the_fhir_resource_itself_as_record_and_the_same_bytes_on_redelivery()
    {
        var factory = new DeliveryDocumentFactory(_mapper);
        var delivery = NhsDeliveries.ReleaseScheduled();

        var document = factory.Create(delivery);

        document.RecordType.ShouldBe(nameof(FhirR4Resource));
        var record = document.Record.ShouldNotBeNull();
        record.GetProperty("resourceType").GetString().ShouldBe("Communication");
        FhirResourceReader.Read<Communication>(record).Problems.ShouldBeEmpty();
        record.GetRawText().ShouldBe(factory.Create(delivery).Record!.Value.GetRawText());
    }

    [Fact]
    public void When_a_delivery_cannot_map_the_sink_should_fail_it_permanently_without_values()
    {
        var factory = new DeliveryDocumentFactory(_mapper);

        var failure = Should.Throw<PermanentDeliveryFailureException>(() => factory.Create(NhsDeliveries.ReleaseScheduled("""{"subject":{"nhsNumber":"9990000213"},"releaseDate":"2026-12-04"}""")));

        failure.Message.ShouldContain("payload.subject.nhsNumber");
        failure.Message.ShouldNotContain("9990000213");
    }

    private static T ParseBack<T>(Hub.Adapters.Core.Mapping.MappingResult<object>? result)
        where T : Resource
    {
        var mapped = result.ShouldNotBeNull();
        mapped.Problems.ShouldBeEmpty();
        var resource = mapped.Value.ShouldBeOfType<FhirR4Resource>();
        var parsed = FhirResourceReader.Read<T>(JsonSerializer.Serialize(resource));
        parsed.Problems.ShouldBeEmpty();
        return parsed.Value!;
    }

    private static List<string> Lines(Communication communication) =>
        [.. communication.Payload.Select(p => ((FhirString)p.Content!).Value!)];
}
