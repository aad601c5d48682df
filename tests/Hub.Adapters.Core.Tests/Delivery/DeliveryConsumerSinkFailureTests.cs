using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Delivery;

public sealed class DeliveryConsumerSinkFailureTests
{
    /// <summary>One attempt and the delivery endpoint's three retries.</summary>
    private const int Attempts = 4;

    private static readonly TimeSpan RetriesExhausted = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task When_the_sink_fails_once_should_let_the_retried_delivery_through()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Sink.FailuresToCome = 1;
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Police, delivery);

        var handled = await Eventually.UntilAsync(() => host.Sink.Handled, h => h.Count > 0, "the retried delivery in the sink");
        handled.ShouldHaveSingleItem().DeliveryId.ShouldBe(delivery.DeliveryId);
        host.Sink.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task When_the_sink_failed_on_every_attempt_should_let_a_later_redelivery_through()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Sink.FailuresToCome = Attempts;
        var delivery = TestDeliveries.For(AgencyCode.Police);
        await host.DeliverAsync(AgencyCode.Police, delivery);
        await Eventually.UntilAsync(() => host.ErrorQueue.Messages, m => m.Count > 0, "the delivery in police's error queue", RetriesExhausted);
        host.Sink.Handled.ShouldBeEmpty();
        host.Sink.Calls.Count.ShouldBe(Attempts);

        await host.DeliverAsync(AgencyCode.Police, delivery);

        var handled = await Eventually.UntilAsync(() => host.Sink.Handled, h => h.Count > 0, "the redelivery in the sink");
        handled.ShouldHaveSingleItem().DeliveryId.ShouldBe(delivery.DeliveryId);
    }
}
