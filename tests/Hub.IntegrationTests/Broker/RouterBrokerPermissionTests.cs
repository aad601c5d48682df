using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The router's broker user is held to what the router does: it reads the ingress and operations queues (and their
/// dead letters) and writes the delivery exchanges and its own re-ingress exchanges. It cannot act as an agency on a
/// submit exchange, read what an agency is sent, or reshape an agency's exchange (docs/adr/0002).
/// </summary>
[Collection(ServersGroup.Name)]
public class RouterBrokerPermissionTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{}");
    private BrokerClient _router = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        _router = await BrokerClient.ConnectAsync(servers.Broker, "hub-router");
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    [Theory]
    [InlineData("police")]
    [InlineData("probation")]
    public async Task When_router_writes_to_a_submit_exchange_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => Publish(channel, HubTopology.SubmitExchange(new AgencyCode(agency))));

    [Theory]
    [InlineData("police")]
    [InlineData("nhs")]
    public async Task When_router_reads_a_delivery_queue_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => channel.BasicGetAsync(HubTopology.DeliveryQueue(new AgencyCode(agency)), autoAck: false));

    [Fact]
    public async Task When_router_writes_to_a_delivery_queue_through_the_default_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => Publish(channel, string.Empty, HubTopology.DeliveryQueue(AgencyCode.Police)));

    [Fact]
    public async Task When_router_declares_an_agencys_submit_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.ExchangeDeclareAsync(HubTopology.SubmitExchange(AgencyCode.Police), ExchangeType.Fanout, durable: true));

    [Fact]
    public async Task When_router_binds_its_ingress_queue_to_another_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.QueueBindAsync(HubTopology.IngressQueue(AgencyCode.Police), HubTopology.DeliverExchange(AgencyCode.Nhs), string.Empty));

    [Fact]
    public async Task When_router_writes_to_the_operators_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => Publish(channel, HubTopology.OperateExchange));

    [Fact]
    public async Task When_router_uses_its_own_lanes_should_be_allowed()
    {
        // The control: the same user, on the lanes the router uses, is not refused (so the refusals above are the rules).
        await using var channel = await _router.OpenChannelAsync();
        await Publish(channel, HubTopology.DeliverExchange(AgencyCode.Police));
        await Publish(channel, HubTopology.ReingressExchange(AgencyCode.Police));
        (await channel.QueueDeclarePassiveAsync(HubTopology.DeliveryQueue(AgencyCode.Police))).QueueName.ShouldBe(HubTopology.DeliveryQueue(AgencyCode.Police), "queue depths for the metrics need no permission");
        (await Eventually.UntilAsync<BasicGetResult?>(async () => await channel.BasicGetAsync(HubTopology.IngressQueue(AgencyCode.Police), autoAck: true), m => m is not null, "the re-ingressed message on the police ingress queue")).ShouldNotBeNull();
        channel.IsOpen.ShouldBeTrue();

        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        (await admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police))).ShouldHaveSingleItem("the delivery exchange routes to the police delivery queue");
    }

    private static async Task Publish(IChannel channel, string exchange, string routingKey = "") =>
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, new BasicProperties { ContentType = "application/json" }, Body);

    private Task ShouldBeRefusedAsync(Func<IChannel, Task> attempt) => BrokerRefusal.ShouldBeRefusedAsync(_router, attempt);
}
