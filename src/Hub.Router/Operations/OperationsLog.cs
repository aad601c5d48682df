using Microsoft.Extensions.Logging;

namespace Hub.Router.Operations;

/// <summary>Log messages of operator requests: identifiers and outcomes only, never payloads or subject data.</summary>
public static partial class OperationsLog
{
    [LoggerMessage(1201, LogLevel.Information, "Replay of delivery {DeliveryId} to {Recipient} (request {RequestId}): sent again")]
    public static partial void ReplayAllowed(ILogger logger, Guid deliveryId, string recipient, Guid requestId);

    [LoggerMessage(1202, LogLevel.Warning, "Replay of delivery {DeliveryId} (request {RequestId}) refused: {Refusals} reason(s), ledgered")]
    public static partial void ReplayDenied(ILogger logger, Guid deliveryId, Guid requestId, int refusals);

    [LoggerMessage(1203, LogLevel.Information, "Replay of ingress message {MessageId} (request {RequestId}): re-published into the ingress queue of {Agency}")]
    public static partial void IngressReplayed(ILogger logger, Guid messageId, string agency, Guid requestId);

    [LoggerMessage(1204, LogLevel.Warning, "Replay of ingress message {MessageId} (request {RequestId}) refused: not in that dead-letter queue of this router, ledgered")]
    public static partial void IngressReplayDenied(ILogger logger, Guid messageId, Guid requestId);
}
