namespace Hub.Cli.Commands.Ops;

/// <summary>
/// A <see cref="DeadLetter"/> in the <c>hub ops</c> JSON documents: its checked metadata only, field by field, so the
/// shape is the documented one (docs/cli-json.md) whatever the record grows. It is handed nothing else, so it cannot
/// write a payload.
/// </summary>
internal static class DeadLetterJson
{
    public static object Of(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new
        {
            queue = letter.Queue,
            kind = letter.Kind,
            agency = letter.Agency,
            messageId = letter.MessageId,
            messageType = letter.MessageType,
            eventType = letter.EventType,
            eventId = letter.EventId,
            deliveryId = letter.DeliveryId,
            source = letter.Source,
            recipient = letter.Recipient,
            sentAt = letter.SentAt,
            failedAt = letter.FailedAt,
            failedOn = letter.FailedOn,
            exceptionType = letter.ExceptionType,
            reasonCode = letter.ReasonCode,
            reason = letter.Reason,
            faultMessageWithheld = letter.FaultMessageWithheld,
            retryCount = letter.RetryCount,
            redeliveryCount = letter.RedeliveryCount,
            bodyBytes = letter.BodyBytes,
            bodySha256 = letter.BodySha256,
        };
    }
}
