using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>Deduplication log messages: counts and exception types only.</summary>
public static partial class DeduplicationLog
{
    [LoggerMessage(401, LogLevel.Information, "Pruned {Count} handled delivery id(s) past retention")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(402, LogLevel.Warning, "Pruning handled delivery ids failed ({ExceptionType}); retried on the next pass")]
    public static partial void PruneFailed(ILogger logger, string exceptionType);
}
