using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sinks;

/// <summary>Sink log messages: ids, status codes and counts only, never payloads or response bodies.</summary>
public static partial class SinkLog
{
    [LoggerMessage(201, LogLevel.Warning, "Webhook attempt {Attempt} for {Operation} {Id} failed transiently ({Cause}); retrying in {Delay}")]
    public static partial void WebhookRetry(ILogger logger, string operation, Guid id, int attempt, string cause, TimeSpan delay);

    [LoggerMessage(202, LogLevel.Error, "Webhook refused {Operation} {Id} with status {StatusCode}: permanent, not retried")]
    public static partial void WebhookRefused(ILogger logger, string operation, Guid id, int statusCode);

    [LoggerMessage(203, LogLevel.Warning, "Webhook circuit opened for {Duration} after repeated failures")]
    public static partial void WebhookCircuitOpened(ILogger logger, TimeSpan duration);

    [LoggerMessage(204, LogLevel.Information, "Delivery {DeliveryId} written to the drop folder")]
    public static partial void DropFolderWritten(ILogger logger, Guid deliveryId);

    [LoggerMessage(205, LogLevel.Information, "Delivery {DeliveryId} kept in table {Table} (inserted: {Inserted})")]
    public static partial void TableInserted(ILogger logger, Guid deliveryId, string table, bool inserted);
}
