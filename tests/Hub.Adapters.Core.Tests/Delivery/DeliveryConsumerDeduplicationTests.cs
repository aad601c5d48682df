using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Delivery;

public sealed class DeliveryConsumerDeduplicationTests
{
    [Fact]
    public async Task When_the_same_delivery_arrives_twice_should_hand_it_to_the_sink_once()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Police, delivery);
        await host.DeliverAsync(AgencyCode.Police, delivery);

        await host.WaitForConsumesAsync(delivery.DeliveryId, 2);
        host.Sink.Calls.ShouldHaveSingleItem().DeliveryId.ShouldBe(delivery.DeliveryId);
    }

    [Fact]
    public async Task When_two_deliveries_have_different_ids_should_hand_both_to_the_sink()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var first = TestDeliveries.For(AgencyCode.Police);
        var second = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Police, first);
        await host.DeliverAsync(AgencyCode.Police, second);

        var handled = await Eventually.UntilAsync(() => host.Sink.Handled, h => h.Count >= 2, "both deliveries in the sink");
        handled.Select(d => d.DeliveryId).ShouldBe([first.DeliveryId, second.DeliveryId], ignoreOrder: true);
    }
}
