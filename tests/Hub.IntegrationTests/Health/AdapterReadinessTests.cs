using System.Globalization;
using System.Net;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Health;
using Hub.Adapters.Core.Hosting;
using Hub.IntegrationTests.Infrastructure;
using Hub.ServiceDefaults.Health;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Health;

/// <summary>An adapter's probes on a real broker and Postgres: ready once started, unready while its deduplication database is unreachable.</summary>
[Collection(ServersGroup.Name)]
public sealed class AdapterReadinessTests(ServersFixture servers) : IAsyncLifetime
{
    /// <summary>Shared by the tests of the class: one client, no socket churn.</summary>
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private string _agencyDatabase = null!;

    public async Task InitializeAsync() => _agencyDatabase = await servers.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task When_the_deduplication_database_becomes_unreachable_should_turn_unready_and_stay_live()
    {
        using var adapter = await StartAdapterAsync();
        var address = adapter.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();
        var ready = new Uri(address, HealthEndpointServer.ReadyPath);

        var started = await Eventually.UntilAsync(() => HealthAnswer.GetAsync(Http, ready), a => a.Code == HttpStatusCode.OK, "the adapter to be ready");
        started.Checks.ShouldBe(new Dictionary<string, string>
        {
            [HealthHostingExtensions.BusCheckName] = "Healthy",
            [AdapterHealthChecks.DeduplicationDatabase] = "Healthy",
        }, ignoreOrder: true);

        await DatabaseAccess.CutOffAsync(servers.PostgresAdmin, _agencyDatabase);
        try
        {
            var cutOff = await Eventually.UntilAsync(() => HealthAnswer.GetAsync(Http, ready), a => a.Code == HttpStatusCode.ServiceUnavailable, "the adapter to be unready");
            cutOff.Checks[AdapterHealthChecks.DeduplicationDatabase].ShouldBe("Unhealthy");
            cutOff.Checks[HealthHostingExtensions.BusCheckName].ShouldBe("Healthy");
            (await HealthAnswer.GetAsync(Http, new Uri(address, HealthEndpointServer.LivePath))).Code.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await DatabaseAccess.RestoreAsync(servers.PostgresAdmin, _agencyDatabase);
        }

        await adapter.StopAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<IHost> StartAdapterAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapter:Agency"] = "council",
            ["Adapter:Deduplication:Kind"] = "Postgres",
            ["Adapter:Deduplication:ConnectionString"] = _agencyDatabase,
            ["Broker:Host"] = servers.Broker.Host,
            ["Broker:Port"] = servers.Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = servers.Broker.VirtualHost,
            ["Broker:Username"] = "adapter-council",
            ["Broker:Password"] = servers.Broker.PasswordOf("adapter-council"),
            ["Health:Urls"] = "http://127.0.0.1:0",
        });
        builder.Services.AddSingleton<IDeliverySink, MemoryDeliverySink>();
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
