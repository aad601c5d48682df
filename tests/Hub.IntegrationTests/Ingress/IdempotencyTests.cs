using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Ingress;

/// <summary>At-least-once transport, idempotent effect: the same event arriving again changes nothing (docs/adr/0003).</summary>
[Collection(ServersGroup.Name)]
public class IdempotencyTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);

    private BrokerClient _admin = null!;
    private BrokerClient _probation = null!;
    private string _ledger = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
        _ledger = await servers.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task When_the_same_event_arrives_three_times_should_ledger_once_and_deliver_once_per_recipient()
    {
        var release = Events.Release();
        var messageId = Guid.NewGuid();
        var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());
        try
        {
            await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release, messageId));
            await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Count >= 4, "the four decisions of the event");

            // A broker redelivery (same message id) and a re-send by the adapter (new message id).
            await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release, messageId));
            await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release, Guid.NewGuid()));
            await Eventually.UntilAsync(() => ReadyAsync(HubTopology.IngressQueue(AgencyCode.Probation)), n => n == 0, "the ingress queue to drain");
        }
        finally
        {
            // A graceful stop lets in-flight messages finish; anything unfinished would return to the queue.
            await router.DisposeAsync();
        }

        (await ReadyAsync(HubTopology.IngressQueue(AgencyCode.Probation))).ShouldBe(0u, "every copy was processed and acknowledged");
        var rows = await LedgerQueries.RowsAsync(_ledger);
        rows.Count.ShouldBe(4);
        rows.Select(r => r.Recipient).Order().ShouldBe(["council", "jcp", "nhs", "police"]);
        (await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police))).Count.ShouldBe(1);
        (await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Jcp))).Count.ShouldBe(1);
        (await _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error")).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_event_id_is_reused_for_different_content_should_reject_the_second()
    {
        var original = Events.Release();
        var altered = original with { Establishment = "HMP Elsewhere" };
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());

        await _probation.PublishAsync(Submit, MassTransitEnvelope.For(original));
        await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Count >= 4, "the four decisions of the event");
        await _probation.PublishAsync(Submit, MassTransitEnvelope.For(altered));

        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Any(x => x.Kind == "rejection"), "the rejection row");
        rows.Single(x => x.Kind == "rejection").Reasons[0].ShouldBe("event-id-reused");
        var police = await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police));
        police.Count.ShouldBe(1);
        System.Text.Encoding.UTF8.GetString(police[0].Body.Span).ShouldContain("HMP Fictional");
    }

    private async Task<uint> ReadyAsync(string queue)
    {
        await using var channel = await _admin.OpenChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
