using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Tests.Sinks;

public sealed class DeliveryDocumentFactoryTests
{
    [Fact]
    public void When_no_record_mapper_is_registered_should_carry_the_payload_only()
    {
        var document = new DeliveryDocumentFactory().Create(TestDeliveries.For(AgencyCode.Police));

        document.Record.ShouldBeNull();
        document.RecordType.ShouldBeNull();
    }

    [Fact]
    public void When_the_agency_maps_the_delivery_should_add_its_record_beside_the_payload()
    {
        var delivery = TestDeliveries.For(AgencyCode.Police);

        var document = new DeliveryDocumentFactory(new Mapper(_ => MappingResult<object>.Success(new NominalUpdate("N-1")))).Create(delivery);

        document.RecordType.ShouldBe(nameof(NominalUpdate));
        document.Record!.Value.GetProperty("nominalId").GetString().ShouldBe("N-1");
        document.Payload.GetRawText().ShouldBe(delivery.Payload.GetRawText());
    }

    [Fact]
    public void When_the_agency_has_no_shape_for_the_event_type_should_carry_the_payload_only()
    {
        new DeliveryDocumentFactory(new Mapper(_ => null)).Create(TestDeliveries.For(AgencyCode.Police)).Record.ShouldBeNull();
    }

    [Fact]
    public void When_the_delivery_cannot_map_should_fail_permanently_naming_fields_only()
    {
        var factory = new DeliveryDocumentFactory(new Mapper(_ => MappingResult<object>.Failure([new FieldProblem("payload.subject.pncId", "is required")])));

        var failure = Should.Throw<PermanentDeliveryFailureException>(() => factory.Create(TestDeliveries.For(AgencyCode.Police)));

        failure.Message.ShouldContain("payload.subject.pncId: is required");
    }

    private sealed record NominalUpdate(string NominalId);

    private sealed class Mapper(Func<EventDelivered, MappingResult<object>?> map) : IDeliveryRecordMapper
    {
        public MappingResult<object>? Map(EventDelivered delivery) => map(delivery);
    }
}
