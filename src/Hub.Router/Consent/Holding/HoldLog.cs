using Microsoft.Extensions.Logging;

namespace Hub.Router.Consent.Holding;

/// <summary>Consent hold log messages: event and consent ids, agencies and times only, never the event's content.</summary>
public static partial class HoldLog
{
    [LoggerMessage(611, LogLevel.Information, "Event {EventId} from {Source} ({EventType}) held until {ReleaseAt:O}: consent {ConsentId} is not recorded yet")]
    public static partial void Held(ILogger logger, Guid eventId, string source, string eventType, string consentId, DateTimeOffset releaseAt);

    [LoggerMessage(612, LogLevel.Information, "Held event {EventId} from {Source} released to be decided ({Reason})")]
    public static partial void Released(ILogger logger, Guid eventId, string source, string reason);

    [LoggerMessage(613, LogLevel.Warning, "Held events could not be released ({ExceptionType}); retrying at the next check")]
    public static partial void ReleaseFailed(ILogger logger, string exceptionType);
}
