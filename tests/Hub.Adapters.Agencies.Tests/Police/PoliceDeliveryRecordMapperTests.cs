using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Police.Iom;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Agencies.Tests.Police;

public sealed class PoliceDeliveryRecordMapperTests
{
    private readonly PoliceDeliveryRecordMapper _mapper = new(new IomNominalMapper());
    private readonly IReadOnlyList<EventDelivered> _deliveries = JsonSamples.Contracts<EventDelivered>("police", "release-deliveries.json");

    [Fact]
    public void When_a_release_notice_is_delivered_should_give_the_iom_nominal_update()
    {
        var update = _mapper.Map(_deliveries[0])!.Value.ShouldBeOfType<IomNominalUpdate>();

        update.PncId.ShouldBe("2019/0123456E");
        update.UpdateId.ShouldBe(_deliveries[0].DeliveryId);
    }

    [Fact]
    public void When_an_amendment_cannot_map_should_pass_on_the_field_problems()
    {
        _mapper.Map(_deliveries[1])!.Problems.Select(p => p.Field).ShouldBe(["payload.subject.pncId", "payload.releaseDate"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("assessment.common.completed")]
    [InlineData("case.lead-professional.changed")]
    [InlineData("performance.indicators.submitted")]
    public void When_an_event_type_has_no_iom_shape_should_keep_the_payload_only(string eventType)
    {
        var delivery = _deliveries[0] with { EventType = eventType };

        _mapper.Map(delivery).ShouldBeNull();
        new DeliveryDocumentFactory(_mapper).Create(delivery).Record.ShouldBeNull();
    }

    [Fact]
    public void When_the_sink_builds_its_document_should_carry_the_nominal_update_beside_the_payload()
    {
        var document = new DeliveryDocumentFactory(_mapper).Create(_deliveries[0]);

        document.RecordType.ShouldBe(nameof(IomNominalUpdate));
        document.Record!.Value.GetProperty("pncId").GetString().ShouldBe("2019/0123456E");
    }
}
