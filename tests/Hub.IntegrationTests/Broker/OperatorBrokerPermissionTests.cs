using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The <c>hub-operator</c> user that <c>hub ops</c> logs in as reaches dead letters and nothing live: it cannot read
/// an ingress or delivery queue, write a submit or delivery exchange (a replay is the router's to carry out), or
/// declare anything (docs/adr/0012).
/// </summary>
[Collection(ServersGroup.Name)]
public class OperatorBrokerPermissionTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{}");
    private BrokerClient _operator = null!;

    public async Task InitializeAsync() => _operator = await BrokerClient.ConnectAsync(servers.Broker, "hub-operator");

    public async Task DisposeAsync() => await _operator.DisposeAsync();

    [Fact]
    public async Task When_operator_reads_a_live_ingress_queue_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.BasicGetAsync(HubTopology.IngressQueue(AgencyCode.Police), autoAck: false));

    [Fact]
    public async Task When_operator_reads_a_live_delivery_queue_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.BasicGetAsync(HubTopology.DeliveryQueue(AgencyCode.Police), autoAck: false));

    [Fact]
    public async Task When_operator_writes_to_a_delivery_exchange_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.BasicPublishAsync(HubTopology.DeliverExchange(AgencyCode.Police), string.Empty, mandatory: false, new BasicProperties(), Body).AsTask());

    [Theory]
    [InlineData("police")]
    [InlineData("probation")]
    public async Task When_operator_writes_to_a_submit_exchange_should_be_refused(string agency) =>
        await ShouldBeRefusedAsync(channel => channel.BasicPublishAsync(HubTopology.SubmitExchange(new AgencyCode(agency)), string.Empty, mandatory: false, new BasicProperties(), Body).AsTask());

    [Fact]
    public async Task When_operator_asks_the_router_for_a_replay_should_be_allowed()
    {
        // The control: hub.operate is the one exchange the operator writes, so the refusals above are the rules.
        await using var channel = await _operator.OpenChannelAsync();
        await channel.BasicPublishAsync(HubTopology.OperateExchange, string.Empty, mandatory: true, new BasicProperties(), Body);
        channel.IsOpen.ShouldBeTrue();
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        (await admin.DrainAsync(HubTopology.OperationsQueue)).ShouldNotBeEmpty("hub.operate routes to the router's operations queue");
    }

    [Fact]
    public async Task When_operator_declares_a_queue_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.QueueDeclareAsync("hub.ingress.police_error_copy", durable: true, exclusive: false, autoDelete: false));

    private Task ShouldBeRefusedAsync(Func<IChannel, Task> attempt) => BrokerRefusal.ShouldBeRefusedAsync(_operator, attempt);
}
