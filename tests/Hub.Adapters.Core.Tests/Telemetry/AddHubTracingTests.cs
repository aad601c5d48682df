using System.Diagnostics;
using Hub.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Hub.Adapters.Core.Tests.Telemetry;

public sealed class AddHubTracingTests
{
    [Theory]
    [InlineData("jaeger:4317")]
    [InlineData("ftp://jaeger:4317")]
    public void When_the_otlp_endpoint_is_not_an_http_url_should_refuse_naming_the_setting(string endpoint)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySettings.OtlpEndpointKey] = endpoint });

        Should.Throw<InvalidOperationException>(() => builder.AddHubTracing("test")).Message.ShouldContain(TelemetrySettings.OtlpEndpointKey);
    }

    [Fact]
    public async Task When_an_otlp_endpoint_is_set_should_start_and_trace_hub_sources()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySettings.OtlpEndpointKey] = "http://127.0.0.1:4317" });
        builder.AddHubTracing("test");
        using var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredService<TracerProvider>().ShouldNotBeNull();
        using var source = new ActivitySource("AgencyHub.Test");

        using (var activity = source.StartActivity("probe"))
        {
            activity.ShouldNotBeNull("AgencyHub.* sources are listened to");
            activity.Recorded.ShouldBeTrue();
        }

        await host.StopAsync();
    }
}
