using Microsoft.Extensions.Logging;

namespace Hub.Router.Tests.Support;

/// <summary>One log call the router made, as <see cref="CapturingLoggerProvider"/> saw it.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
