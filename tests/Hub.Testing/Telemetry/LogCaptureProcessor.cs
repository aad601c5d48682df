using System.Collections.Concurrent;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Hub.Testing.Telemetry;

/// <summary>Copies each exported log record's text out: message, state values, every scope and the exception text.</summary>
public sealed class LogCaptureProcessor(ConcurrentQueue<CapturedLog> into) : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var attributes = (data.Attributes ?? []).Select(a => new KeyValuePair<string, string?>(a.Key, Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var scopes = new List<string>();
        data.ForEachScope(
            (scope, list) =>
            {
                list.Add(Convert.ToString(scope.Scope, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                foreach (var item in scope)
                {
                    list.Add($"{item.Key}={Convert.ToString(item.Value, System.Globalization.CultureInfo.InvariantCulture)}");
                }
            },
            scopes);
        into.Enqueue(new CapturedLog(
            data.CategoryName ?? string.Empty,
            data.LogLevel,
            data.EventId,
            data.FormattedMessage,
            data.Body,
            attributes,
            scopes,
            data.Exception?.ToString(),
            data.TraceId,
            data.SpanId));
    }
}
