using System.Globalization;
using System.Net;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Hub.ServiceDefaults.Health;
using Hub.ServiceDefaults.Metrics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Metrics;

/// <summary>An adapter composed as its worker composes it (<c>AddAgencyAdapter</c>) serves <c>/metrics</c> on its health listener, counting what it publishes.</summary>
[Collection(ServersGroup.Name)]
public sealed class AdapterMetricsEndpointTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // What this test published waits in probation's ingress queue with no router to read it.
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await admin.PurgeHubQueuesAsync();
    }

    [Fact]
    public async Task When_an_adapter_publishes_should_serve_the_count_at_metrics()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapter:Agency"] = "probation",
            ["Broker:Host"] = servers.Broker.Host,
            ["Broker:Port"] = servers.Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = servers.Broker.VirtualHost,
            ["Broker:Username"] = "adapter-probation",
            ["Broker:Password"] = servers.Broker.PasswordOf("adapter-probation"),
            ["Health:Urls"] = "http://127.0.0.1:0",
        });
        builder.Services.AddSingleton<IDeliverySink, MemoryDeliverySink>();
        builder.AddAgencyAdapter(AgencyCode.Probation);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using (var scope = host.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<IngressPublisher>().SubmitAsync(AgencyCode.Probation, Events.Release(), CancellationToken.None);
            }

            var address = host.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();
            using var response = await Http.GetAsync(new Uri(address, PrometheusScrapeEndpoint.Path));
            var text = await response.Content.ReadAsStringAsync();

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            text.ShouldContain("""agencyhub_adapter_published_total{otel_scope_name="AgencyHub.Adapter",agencyhub_event_type="custody.release.scheduled",agencyhub_source_agency="probation"} 1""", Case.Sensitive, text);
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(30));
        }
    }
}
