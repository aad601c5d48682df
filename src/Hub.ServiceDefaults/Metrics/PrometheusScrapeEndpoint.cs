using Hub.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Metrics;

namespace Hub.ServiceDefaults.Metrics;

/// <summary>
/// <c>/metrics</c> on the management listener. That listener is its own small web app with its own container, so the
/// exporter middleware is handed the worker's <see cref="MeterProvider"/> rather than finding one in the web app.
/// </summary>
public sealed class PrometheusScrapeEndpoint(MeterProvider meterProvider) : IManagementEndpoint
{
    public const string Path = "/metrics";

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
    }
}
