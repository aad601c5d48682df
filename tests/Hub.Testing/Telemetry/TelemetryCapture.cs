using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace Hub.Testing.Telemetry;

/// <summary>
/// Every span and log record a host's OpenTelemetry providers export, through the in-memory exporter (spans) and a
/// copying processor (log records), the hub's own categories from Debug up. Attach it to a host that calls <c>AddHubTracing</c>.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly ConcurrentCollection<Activity> _spans = new();
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public IReadOnlyList<CapturedLog> Logs => _logs.ToArray();

    public void AttachTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new LogCaptureProcessor(_logs)));

        // The hub's own Debug lines (per-event routing) are scanned too: a level that is off in production is still a
        // level an operator can turn on.
        services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>("Hub", LogLevel.Debug));
    }
}
