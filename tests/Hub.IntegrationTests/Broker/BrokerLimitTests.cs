using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The broker's own limits, from deploy/rabbitmq: a message over <c>max_message_size</c> is refused at the publish,
/// and a message delivered over and over without being acknowledged (a consumer that crashes on it) leaves its queue
/// for the queue's error queue at the <c>delivery-limit</c> of its policy, instead of blocking the queue or being lost.
/// </summary>
[Collection(ServersGroup.Name)]
public class BrokerLimitTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly string Deliveries = HubTopology.DeliveryQueue(AgencyCode.Police);
    private static readonly string DeliveryErrors = HubTopology.ErrorQueue(Deliveries);
    private BrokerClient _admin = null!;
    private BrokerClient _police = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _police = await BrokerClient.ConnectAsync(servers.Broker, "adapter-police");
    }

    public async Task DisposeAsync()
    {
        await _police.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task When_a_message_is_larger_than_the_brokers_limit_should_close_the_publishers_channel_and_queue_nothing()
    {
        var body = new byte[2 * 1024 * 1024];

        await BrokerRefusal.ShouldBeRefusedAsync(
            _police,
            channel => channel.BasicPublishAsync(HubTopology.SubmitExchange(AgencyCode.Police), string.Empty, mandatory: true, new BasicProperties(), body).AsTask(),
            BrokerRefusal.PreconditionFailed);

        (await _admin.QueueStateAsync(HubTopology.IngressQueue(AgencyCode.Police))).Messages.ShouldBe(0u);
    }

    [Fact]
    public async Task When_a_message_is_delivered_more_often_than_the_limit_should_be_dead_lettered_to_its_error_queue()
    {
        // The error queue as MassTransit declares it on the adapter's first failure (a quorum queue behind a fanout exchange).
        await using (var setup = await _admin.OpenChannelAsync())
        {
            await setup.ExchangeDeclareAsync(DeliveryErrors, ExchangeType.Fanout, durable: true);
            await setup.QueueDeclareAsync(DeliveryErrors, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            await setup.QueueBindAsync(DeliveryErrors, DeliveryErrors, string.Empty);
        }

        var messageId = Guid.NewGuid().ToString();
        await _admin.PublishAsync(HubTopology.DeliverExchange(AgencyCode.Police), "{}"u8.ToArray(), messageId: messageId);

        // A consumer that takes the message and gives it back, as one crashing on it would, until the queue lets it go.
        var deliveries = 0;
        await using (var channel = await _police.OpenChannelAsync())
        {
            while (deliveries < 100 && await channel.BasicGetAsync(Deliveries, autoAck: false) is { } taken)
            {
                deliveries++;
                await channel.BasicNackAsync(taken.DeliveryTag, multiple: false, requeue: true);
            }
        }

        deliveries.ShouldBeInRange(2, 99, "the queue's delivery limit took the message out of circulation");
        var dead = await Eventually.UntilAsync(() => _admin.DrainAsync(DeliveryErrors), m => m.Count > 0, "the message in the error queue");
        dead.ShouldHaveSingleItem().BasicProperties.MessageId.ShouldBe(messageId, "dead-lettered, not dropped");
    }
}
