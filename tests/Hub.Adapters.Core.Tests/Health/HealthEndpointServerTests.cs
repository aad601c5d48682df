using System.Net;
using Hub.ServiceDefaults.Health;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Hub.Adapters.Core.Tests.Health;

/// <summary>The management listener on a real loopback Kestrel, with MassTransit's bus check on the in-memory transport.</summary>
public sealed class HealthEndpointServerTests
{
    private const string Secret = "AB 12 34 56 C";

    [Fact]
    public async Task When_a_ready_check_fails_should_answer_503_with_names_and_statuses_only_and_stay_live()
    {
        using var host = await StartAsync(checks => checks.AddCheck("failing", () => throw new InvalidOperationException("subject " + Secret), tags: [HealthTags.Ready]));
        using var http = new HttpClient();
        var address = host.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();

        using var ready = await http.GetAsync(new Uri(address, HealthEndpointServer.ReadyPath));
        var body = await ready.Content.ReadAsStringAsync();
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.ShouldContain("\"name\":\"failing\",\"status\":\"Unhealthy\"");
        body.ShouldContain("\"name\":\"bus\",\"status\":\"Healthy\"");
        body.ShouldNotContain(Secret);
        body.ShouldNotContain(nameof(InvalidOperationException));

        using var live = await http.GetAsync(new Uri(address, HealthEndpointServer.LivePath));
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("{\"status\":\"Healthy\",\"checks\":[{\"name\":\"process\",\"status\":\"Healthy\"}]}");
        await host.StopAsync();
    }

    [Fact]
    public async Task When_every_ready_check_passes_should_answer_200_and_the_probe_should_exit_0()
    {
        using var host = await StartAsync(_ => { });
        using var http = new HttpClient();
        var address = host.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();

        (await HealthProbe.HealthProbe.RunAsync(["ready"], $"http://+:{address.Port}", http, CancellationToken.None)).ShouldBe(HealthProbe.HealthProbe.Healthy);
        (await HealthProbe.HealthProbe.RunAsync(["live"], $"http://127.0.0.1:{address.Port}", http, CancellationToken.None)).ShouldBe(HealthProbe.HealthProbe.Healthy);
        await host.StopAsync();
        (await HealthProbe.HealthProbe.RunAsync(["ready"], $"http://+:{address.Port}", http, CancellationToken.None)).ShouldBe(HealthProbe.HealthProbe.Unhealthy, "nothing listens once stopped");
    }

    [Fact]
    public async Task When_the_bus_has_not_started_should_report_the_bus_check_unhealthy()
    {
        var builder = Builder();
        builder.AddHubHealth();
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(o => o.Name = HealthHostingExtensions.BusCheckName);
            bus.UsingInMemory();
        });
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(HealthTags.Ready));

        report.Entries[HealthHostingExtensions.BusCheckName].Status.ShouldBe(HealthStatus.Unhealthy);
    }

    private static HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Health:Urls"] = "http://127.0.0.1:0" });
        return builder;
    }

    private static async Task<IHost> StartAsync(Action<IHealthChecksBuilder> more)
    {
        var builder = Builder();
        more(builder.AddHubHealth());
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(o => o.Name = HealthHostingExtensions.BusCheckName);
            bus.UsingInMemory();
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
