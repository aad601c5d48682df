using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Probation.Deliveries;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

/// <summary>What probation receives (DSA-004 F1, DSA-018 F1) in its case system's shape.</summary>
public sealed class CaseContactMapperTests
{
    private readonly CaseContactMapper _mapper = new();
    private readonly IReadOnlyList<EventDelivered> _deliveries = JsonSamples.Contracts<EventDelivered>("probation", Path.Combine("deliveries", "treatment-handover-deliveries.json"));

    [Fact]
    public void When_a_treatment_handover_is_in_place_should_add_a_sensitive_contact_without_an_alert()
    {
        var contact = _mapper.Map(_deliveries[0])!.Value.ShouldBeOfType<CaseContact>();

        contact.ContactId.ShouldBe(_deliveries[0].DeliveryId);
        contact.PncId.ShouldBe("2020/0345678Q");
        contact.ContactType.ShouldBe("TREATMENT_HANDOVER");
        contact.ContactDate.ShouldBe(new DateOnly(2026, 12, 4));
        contact.Outcome.ShouldBe("HANDOVER_IN_PLACE");
        contact.Alert.ShouldBeFalse();
        contact.Sensitive.ShouldBeTrue();
        contact.SharedUnder.ShouldBe("DSA-004@1/F1-probation-handover-flag");
        contact.RetainUntil.ShouldBe(_deliveries[0].DecidedAt.AddDays(365));
        contact.OnwardSharingForbidden.ShouldBeTrue();
    }

    [Fact]
    public void When_a_treatment_handover_is_not_in_place_should_raise_an_alert_for_the_offender_manager()
    {
        var contact = _mapper.Map(_deliveries[1])!.Value.ShouldBeOfType<CaseContact>();

        contact.Outcome.ShouldBe("HANDOVER_NOT_IN_PLACE");
        contact.Alert.ShouldBeTrue();
    }

    [Fact]
    public void When_a_handover_lacks_the_pnc_id_and_flag_and_has_a_bad_date_should_name_the_fields_without_values()
    {
        var problems = _mapper.Map(_deliveries[2])!.Problems;

        problems.Select(p => p.Field).ShouldBe(["payload.subject.pncId", "payload.releaseDate", "payload.treatmentHandoverInPlace"], ignoreOrder: true);
        problems.ShouldAllBe(p => !p.ToString().Contains("04/12/2026"));
    }

    [Fact]
    public void When_aggregate_indicators_are_delivered_should_have_no_case_shape()
    {
        _mapper.Map(_deliveries[3]).ShouldBeNull();
    }

    [Fact]
    public void When_the_sink_builds_its_document_should_carry_the_contact_beside_the_payload()
    {
        var document = new DeliveryDocumentFactory(_mapper).Create(_deliveries[1]);

        document.RecordType.ShouldBe(nameof(CaseContact));
        document.Record!.Value.GetProperty("outcome").GetString().ShouldBe("HANDOVER_NOT_IN_PLACE");
        document.Payload.GetProperty("treatmentHandoverInPlace").GetBoolean().ShouldBeFalse();
        new DeliveryDocumentFactory(_mapper).Create(_deliveries[3]).Record.ShouldBeNull();
    }

    [Fact]
    public void When_a_delivery_cannot_map_should_fail_it_permanently_naming_fields_only()
    {
        var failure = Should.Throw<PermanentDeliveryFailureException>(() => new DeliveryDocumentFactory(_mapper).Create(_deliveries[2]));

        failure.Message.ShouldContain("payload.subject.pncId");
        failure.Message.ShouldNotContain("04/12/2026");
    }
}
