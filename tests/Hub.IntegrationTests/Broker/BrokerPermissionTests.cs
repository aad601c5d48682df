using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The trust boundary is the broker's, not the adapters' good manners: with its own credentials an adapter can
/// write only its submit exchange and read only its delivery queue (docs/adr/0002).
/// </summary>
[Collection(ServersGroup.Name)]
public class BrokerPermissionTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{}");
    private BrokerClient _police = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        _police = await BrokerClient.ConnectAsync(servers.Broker, "adapter-police");
    }

    public async Task DisposeAsync() => await _police.DisposeAsync();

    [Theory]
    [InlineData("nhs")]
    [InlineData("probation")]
    [InlineData("council")]
    public async Task When_adapter_reads_another_agencys_delivery_queue_should_be_refused(string other) =>
        await ShouldBeRefusedAsync(channel => channel.BasicGetAsync(HubTopology.DeliveryQueue(new AgencyCode(other)), autoAck: true));

    [Theory]
    [InlineData("police")]
    [InlineData("probation")]
    public async Task When_adapter_reads_any_ingress_queue_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => channel.BasicGetAsync(HubTopology.IngressQueue(new AgencyCode(agency)), autoAck: true));

    [Fact]
    public async Task When_adapter_subscribes_to_an_ingress_queue_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.BasicConsumeAsync(HubTopology.IngressQueue(AgencyCode.Probation), autoAck: true, new AsyncEventingBasicConsumer(channel)));

    [Theory]
    [InlineData("police")]
    [InlineData("nhs")]
    public async Task When_adapter_writes_to_a_delivery_exchange_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => Publish(channel, HubTopology.DeliverExchange(new AgencyCode(agency))));

    [Theory]
    [InlineData("police")]
    [InlineData("nhs")]
    public async Task When_adapter_writes_to_a_delivery_queue_through_the_default_exchange_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => Publish(channel, string.Empty, HubTopology.DeliveryQueue(new AgencyCode(agency))));

    [Fact]
    public async Task When_adapter_binds_its_delivery_queue_to_an_exchange_it_can_write_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.QueueBindAsync(HubTopology.DeliveryQueue(AgencyCode.Police), HubTopology.SubmitExchange(AgencyCode.Police), string.Empty));

    [Fact]
    public async Task When_adapter_writes_to_another_agencys_submit_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => Publish(channel, HubTopology.SubmitExchange(AgencyCode.Probation)));

    [Fact]
    public async Task When_adapter_uses_its_own_submit_exchange_and_delivery_queue_should_be_allowed()
    {
        // The control: the same client, on its own lanes, is not refused (so the refusals above are the rules, not a broken login).
        await using var channel = await _police.OpenChannelAsync();
        await Publish(channel, HubTopology.SubmitExchange(AgencyCode.Police));
        await channel.BasicGetAsync(HubTopology.DeliveryQueue(AgencyCode.Police), autoAck: true);
        channel.IsOpen.ShouldBeTrue();

        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        (await admin.GetAsync(HubTopology.IngressQueue(AgencyCode.Police))).ShouldNotBeNull("the submit exchange routes to the police ingress queue");
    }

    private static async Task Publish(IChannel channel, string exchange, string routingKey = "") =>
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, new BasicProperties { ContentType = "application/json" }, Body);

    private Task ShouldBeRefusedAsync(Func<IChannel, Task> attempt) => BrokerRefusal.ShouldBeRefusedAsync(_police, attempt);
}
