using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Delivery;

public sealed class DeliveryConsumerAddressingTests
{
    /// <summary>Long enough for the delivery endpoint's own retries (0.2 s, 1 s, 5 s) to run out.</summary>
    private static readonly TimeSpan RetriesExhausted = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task When_a_delivery_is_addressed_to_another_agency_should_refuse_it_and_never_hand_it_to_the_sink()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var misaddressed = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Jcp, misaddressed);

        await Eventually.UntilAsync(() => host.ErrorQueue.Messages, m => m.Count > 0, "the delivery in jcp's error queue", RetriesExhausted);
        var error = host.ErrorQueue.Messages.ShouldHaveSingleItem();
        error.Queue.ShouldBe("hub.delivery.jcp_error");
        error.Delivery.DeliveryId.ShouldBe(misaddressed.DeliveryId);
        var consumes = host.Consumes.All.Where(c => c.Queue == "hub.delivery.jcp").ToList();
        consumes.ShouldNotBeEmpty();
        consumes.ShouldAllBe(c => c.Fault is InvalidOperationException);
        host.Sink.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_delivery_arrives_on_its_recipients_queue_should_hand_it_to_the_sink()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Police, delivery);

        var handled = await Eventually.UntilAsync(() => host.Sink.Handled, h => h.Count > 0, "the delivery in the sink");
        var received = handled.ShouldHaveSingleItem();
        received.DeliveryId.ShouldBe(delivery.DeliveryId);
        received.Recipient.ShouldBe(AgencyCode.Police);
        received.WithheldFields.ShouldBe(delivery.WithheldFields);
        received.Obligations.ShouldBe(delivery.Obligations);
        received.Payload.GetProperty("subject").GetProperty("pncId").GetString().ShouldBe("2019/0412345P");
        host.ErrorQueue.Messages.ShouldBeEmpty();
    }
}
