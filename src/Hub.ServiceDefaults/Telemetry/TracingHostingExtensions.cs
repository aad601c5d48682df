using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.ServiceDefaults.Telemetry;

public static class TracingHostingExtensions
{
    /// <summary>
    /// Traces from the hub's ActivitySources, MassTransit (W3C context crosses the broker in message headers), HTTP
    /// clients (webhook sinks) and ASP.NET Core (HTTP ingest; health probes excluded); log records through
    /// OpenTelemetry with the current trace and span ids. Exported over OTLP only when <c>Telemetry:Otlp:Endpoint</c>
    /// or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Metrics are registered separately.
    /// </summary>
    public static IHostApplicationBuilder AddHubTracing(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var endpoint = OtlpEndpoint(builder.Configuration);

        // Console and other providers see the trace and span ids as scope values.
        builder.Logging.Configure(o => o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(HubTelemetryNames.HubSources, HubTelemetryNames.MassTransit)
                    .AddHttpClientInstrumentation()
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsHealthProbe(http));
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
                else if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetrySettings.StandardEndpointVariable]))
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithLogging(
                logging =>
                {
                    if (endpoint is not null)
                    {
                        logging.AddOtlpExporter(o => o.Endpoint = endpoint);
                    }
                    else if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetrySettings.StandardEndpointVariable]))
                    {
                        logging.AddOtlpExporter();
                    }
                },
                options =>
                {
                    // The messages are source-generated with identifiers and counts only (house style), so the formatted text is safe to ship.
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                });
        return builder;
    }

    private static bool IsHealthProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[TelemetrySettings.OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{TelemetrySettings.OtlpEndpointKey} must be an absolute http(s) URL (e.g. http://jaeger:4317).");
    }
}
