using Hub.Adapters.Core.Delivery;

namespace Hub.Adapters.Core.Tests.Delivery;

public sealed class MemoryDeliveryDeduplicatorTests
{
    [Fact]
    public async Task When_a_delivery_id_is_seen_again_should_refuse_to_begin_it_twice()
    {
        var deduplicator = new MemoryDeliveryDeduplicator();
        var id = Guid.NewGuid();

        (await deduplicator.TryBeginAsync(id, CancellationToken.None)).ShouldBeTrue();
        (await deduplicator.TryBeginAsync(id, CancellationToken.None)).ShouldBeFalse();
        (await deduplicator.TryBeginAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task When_a_delivery_was_abandoned_should_let_it_begin_again()
    {
        var deduplicator = new MemoryDeliveryDeduplicator();
        var id = Guid.NewGuid();
        await deduplicator.TryBeginAsync(id, CancellationToken.None);

        await deduplicator.AbandonAsync(id, CancellationToken.None);

        (await deduplicator.TryBeginAsync(id, CancellationToken.None)).ShouldBeTrue();
    }
}
