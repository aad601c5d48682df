using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Metrics;

internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Metrics sampler {Sampler} failed ({ExceptionType}); its gauges keep the previous sample")]
    public static partial void SampleFailed(ILogger logger, string sampler, string exceptionType);
}
