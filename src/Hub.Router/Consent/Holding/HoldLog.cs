using Microsoft.Extensions.Logging;

namespace Hub.Router.Consent.Holding;

/// <summary>
/// Consent hold log messages: event ids, agencies, event types and times only, never the event's content. Not the
/// consent id either: agencies build consent references from their own case numbers, which the PII scan treats as
/// personal data; the held row names it for an operator with database access.
/// </summary>
public static partial class HoldLog
{
    [LoggerMessage(611, LogLevel.Information, "Event {EventId} from {Source} ({EventType}) held until {ReleaseAt:O}: the consent it cites is not recorded yet")]
    public static partial void Held(ILogger logger, Guid eventId, string source, string eventType, DateTimeOffset releaseAt);

    [LoggerMessage(612, LogLevel.Information, "Held event {EventId} from {Source} released to be decided ({Reason})")]
    public static partial void Released(ILogger logger, Guid eventId, string source, string reason);

    [LoggerMessage(613, LogLevel.Warning, "Held events could not be released ({ExceptionType}); retrying at the next check")]
    public static partial void ReleaseFailed(ILogger logger, string exceptionType);
}
