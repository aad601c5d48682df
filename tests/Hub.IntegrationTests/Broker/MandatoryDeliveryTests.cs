using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Npgsql;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The router's deliveries are published mandatory: a delivery exchange that routes nowhere returns the delivery,
/// and the return fails the send instead of the broker confirming a message it dropped. The delivery stays unsent in
/// the outbox and the ingress message is not acknowledged as handled, so it is sent once the route is back.
/// </summary>
[Collection(ServersGroup.Name)]
public class MandatoryDeliveryTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);
    private static readonly string PoliceExchange = HubTopology.DeliverExchange(AgencyCode.Police);
    private static readonly string PoliceQueue = HubTopology.DeliveryQueue(AgencyCode.Police);

    private RouterUnderTest _router = null!;
    private BrokerClient _probation = null!;
    private BrokerClient _admin = null!;
    private string _ledger = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _ledger = await servers.CreateDatabaseAsync();
        _router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task When_a_delivery_exchange_routes_nowhere_should_fail_the_send_keep_the_delivery_unsent_and_send_it_once_routed()
    {
        var release = Events.Release();
        var messageId = Guid.NewGuid();
        var deliveryId = DeliveryIds.For(AgencyCode.Probation, release.Envelope.EventId, AgencyCode.Police);
        await SetPoliceRouteAsync(bound: false);
        try
        {
            await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release, messageId), messageId: messageId.ToString());

            // Retried, then moved to the error queue: a failure, never a silent drop.
            var failed = await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.ErrorQueue(HubTopology.IngressQueue(AgencyCode.Probation))), m => m.Count > 0, "the ingress message in the error queue");
            BrokerClient.Header(failed.ShouldHaveSingleItem(), "MT-Fault-ExceptionType").ShouldBeOneOf("RabbitMQ.Client.Exceptions.PublishReturnException", "MassTransit.MessageReturnedException");
            (await UnsentAsync(deliveryId)).ShouldBeTrue("the police delivery is still unsent in the outbox");
        }
        finally
        {
            await SetPoliceRouteAsync(bound: true);
        }

        (await _admin.QueueStateAsync(PoliceQueue)).Messages.ShouldBe(0u, "nothing reached police while the route was gone");

        // The same message again (as hub ops dlq replay would send it): the decision stands and the unsent delivery goes out.
        await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release, messageId), messageId: messageId.ToString());
        var delivered = await Eventually.UntilAsync(() => _admin.DrainAsync(PoliceQueue), m => m.Count > 0, "the police delivery once the route is back");
        delivered.ShouldHaveSingleItem().BasicProperties.MessageId.ShouldBe(deliveryId.ToString());
        await Eventually.UntilAsync(() => UnsentAsync(deliveryId), unsent => !unsent, "the delivery marked sent");
    }

    private async Task SetPoliceRouteAsync(bool bound)
    {
        await using var channel = await _admin.OpenChannelAsync();
        if (bound)
        {
            await channel.QueueBindAsync(PoliceQueue, PoliceExchange, string.Empty);
        }
        else
        {
            await channel.QueueUnbindAsync(PoliceQueue, PoliceExchange, string.Empty);
        }
    }

    private async Task<bool> UnsentAsync(Guid deliveryId)
    {
        await using var dataSource = NpgsqlDataSource.Create(_ledger);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM outbox_deliveries d WHERE d.delivery_id = $1 AND d.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = d.delivery_id)");
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
