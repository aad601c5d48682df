using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Contracts.Tests.Wire;

public class DeliveryIdsTests
{
    private static readonly Guid EventId = Guid.Parse("6f1c2b1e-0000-4000-8000-000000000001");

    [Fact]
    public void When_same_event_and_recipient_should_give_same_id() =>
        DeliveryIds.For(AgencyCode.Probation, EventId, AgencyCode.Police).ShouldBe(DeliveryIds.For(AgencyCode.Probation, EventId, AgencyCode.Police));

    [Fact]
    public void When_recipient_or_source_differs_should_give_different_ids()
    {
        var police = DeliveryIds.For(AgencyCode.Probation, EventId, AgencyCode.Police);
        police.ShouldNotBe(DeliveryIds.For(AgencyCode.Probation, EventId, AgencyCode.Jcp));
        police.ShouldNotBe(DeliveryIds.For(AgencyCode.Nhs, EventId, AgencyCode.Police));
    }

    [Fact]
    public void When_generated_should_be_a_version_5_rfc_uuid()
    {
        var text = DeliveryIds.For(AgencyCode.Probation, EventId, AgencyCode.Police).ToString();
        text[14].ShouldBe('5');
        "89ab".ShouldContain(text[19]);
    }
}
