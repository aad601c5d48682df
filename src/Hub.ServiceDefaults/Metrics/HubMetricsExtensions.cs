using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Hub.ServiceDefaults.Metrics;

public static class HubMetricsExtensions
{
    /// <summary>
    /// The OpenTelemetry meter pipeline for the named meters (plus the sampler's own), exported for Prometheus at
    /// <c>/metrics</c> on the management listener (<c>Health:Urls</c>), and the timer that refreshes the gauges read
    /// from outside the process (<see cref="IGaugeSampler"/>, every <c>Metrics:SampleInterval</c>).
    /// </summary>
    public static IHostApplicationBuilder AddHubMetrics(this IHostApplicationBuilder builder, params string[] meterNames)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(meterNames);
        if (meterNames.Length == 0 || meterNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one meter, and no empty names.", nameof(meterNames));
        }

        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. meterNames, GaugeSamplingService.MeterName])
            .AddPrometheusExporter());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IManagementEndpoint, PrometheusScrapeEndpoint>());
        builder.Services.TryAddSingleton<GaugeSamplingService>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GaugeSamplingService>(sp => sp.GetRequiredService<GaugeSamplingService>()));
        return builder;
    }
}
