using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Sinks;

/// <summary>
/// A redelivery after the adapter restarts has no second effect when deduplication is durable (docs/adr/0010):
/// real RabbitMQ, the police adapter's own broker user, delivery ids kept in a real Postgres table. The sink here
/// is deliberately not idempotent (it counts every call), so only the deduplicator can keep the count at one.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class DurableDeduplicationTests(ServersFixture servers) : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        _database = await servers.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task When_a_delivery_is_redelivered_after_the_adapter_restarts_should_reach_the_sink_once()
    {
        var sink = new MemoryDeliverySink();
        var delivery = SinkDeliveries.ToPolice();
        var later = SinkDeliveries.ToPolice();
        await using var router = await BrokerClient.ConnectAsync(servers.Broker, "hub-router");

        using (var first = await StartAdapterAsync(sink))
        {
            await DeliverAsync(router, delivery);
            await Eventually.UntilAsync(() => sink.Received, r => r.Count == 1, "the first delivery in the sink");
            await first.StopAsync(TimeSpan.FromSeconds(30));
        }

        using var second = await StartAdapterAsync(sink);
        await DeliverAsync(router, delivery);
        await DeliverAsync(router, later);

        // One delivery at a time (prefetch 1): once the later delivery is in, the repeat before it was consumed.
        await Eventually.UntilAsync(() => sink.Received, r => r.Any(d => d.DeliveryId == later.DeliveryId), "the later delivery in the sink");
        sink.Received.Count(d => d.DeliveryId == delivery.DeliveryId).ShouldBe(1);
        sink.Received.Count.ShouldBe(2);
        await second.StopAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task DeliverAsync(BrokerClient router, EventDelivered delivery) =>
        await router.PublishAsync(HubTopology.DeliverExchange(AgencyCode.Police), MassTransitEnvelope.For(delivery, delivery.DeliveryId), messageId: delivery.DeliveryId.ToString());

    private async Task<IHost> StartAdapterAsync(MemoryDeliverySink sink)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapter:Agency"] = "police",
            ["Adapter:PrefetchCount"] = "1",
            ["Adapter:Deduplication:Kind"] = "Postgres",
            ["Adapter:Deduplication:ConnectionString"] = _database,
            ["Broker:Host"] = servers.Broker.Host,
            ["Broker:Port"] = servers.Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = servers.Broker.VirtualHost,
            ["Broker:Username"] = "adapter-police",
            ["Broker:Password"] = servers.Broker.PasswordOf("adapter-police"),
        });
        builder.Services.AddSingleton<IDeliverySink>(sink);
        builder.AddAgencyAdapter();
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
