using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core;

/// <summary>Adapter log messages: ids and types only, never payloads.</summary>
public static partial class AdapterLog
{
    [LoggerMessage(101, LogLevel.Information, "Delivery {DeliveryId} of {EventType} handled for {Agency}")]
    public static partial void DeliveryHandled(ILogger logger, Guid deliveryId, string agency, string eventType);

    [LoggerMessage(102, LogLevel.Information, "Delivery {DeliveryId} for {Agency} was already handled; redelivery dropped")]
    public static partial void DuplicateDelivery(ILogger logger, Guid deliveryId, string agency);

    [LoggerMessage(103, LogLevel.Information, "Recall {RecallId} handled for {Agency}: {Erased} erased, {NotHeld} not held; acknowledged")]
    public static partial void RecallHandled(ILogger logger, Guid recallId, string agency, int erased, int notHeld);
}
