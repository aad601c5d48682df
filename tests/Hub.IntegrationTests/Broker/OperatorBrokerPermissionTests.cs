using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// The <c>hub-operator</c> user that <c>hub ops</c> logs in as reaches dead letters and nothing live: it cannot read
/// an ingress or delivery queue, write a delivery exchange, or declare anything (docs/adr/0012).
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

    [Fact]
    public async Task When_operator_declares_a_queue_should_be_refused() =>
        await ShouldBeRefusedAsync(channel => channel.QueueDeclareAsync("hub.ingress.police_error_copy", durable: true, exclusive: false, autoDelete: false));

    private async Task ShouldBeRefusedAsync(Func<IChannel, Task> attempt)
    {
        var channel = await _operator.OpenChannelAsync();
        Exception? error = null;
        try
        {
            await attempt(channel);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        // The broker closes the channel with ACCESS_REFUSED; for publishes the close can trail the call briefly.
        var reason = await Eventually.UntilAsync(() => channel.CloseReason, r => r is not null, "the broker to close the channel", TimeSpan.FromSeconds(10));
        reason.ShouldNotBeNull($"the broker allowed it (exception: {error?.GetType().Name ?? "none"})");
        reason.ReplyCode.ShouldBe((ushort)403, reason.ReplyText);
        channel.Dispose();
    }
}
