using Microsoft.Extensions.Logging;

namespace Hub.Testing.Telemetry;

/// <summary>One log call a test host's services made, as <see cref="CapturingLoggerProvider"/> saw it.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
