using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Hub.Testing.Telemetry;

/// <summary>A log record as exported, copied out at once (the SDK pools <c>LogRecord</c> instances).</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string? FormattedMessage,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string?>> Attributes,
    IReadOnlyList<string> Scopes,
    string? Exception,
    ActivityTraceId TraceId,
    ActivitySpanId SpanId);
