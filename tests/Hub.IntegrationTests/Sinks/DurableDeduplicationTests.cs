using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Delivery.Deduplication;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

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

    [Fact]
    public async Task When_pruning_in_a_schema_qualified_table_should_forget_only_ids_handled_before_the_cutoff()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        await using var dataSource = NpgsqlDataSource.Create(_database);
        using var deduplicator = new PostgresDeliveryDeduplicator(dataSource, "adapter_state.handled_deliveries", clock);
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        (await deduplicator.TryBeginAsync(old, CancellationToken.None)).ShouldBeTrue();
        await deduplicator.CompleteAsync(old, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        (await deduplicator.TryBeginAsync(recent, CancellationToken.None)).ShouldBeTrue();
        await deduplicator.CompleteAsync(recent, CancellationToken.None);

        (await deduplicator.PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None)).ShouldBe(1);

        (await deduplicator.TryBeginAsync(old, CancellationToken.None)).ShouldBeTrue("an id past retention is forgotten");
        (await deduplicator.TryBeginAsync(recent, CancellationToken.None)).ShouldBeFalse();
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
