using Microsoft.Extensions.Logging;

namespace Hub.Router.Retractions;

/// <summary>Retraction log messages: event ids, agencies and reason codes only, never the events' content.</summary>
public static partial class RetractionLog
{
    [LoggerMessage(621, LogLevel.Information, "Retraction {RetractionId} from {Source} registered: {Count} event id(s) of {EventType} are shared with no one from now on")]
    public static partial void Registered(ILogger logger, Guid retractionId, string source, int count, string eventType);

    [LoggerMessage(622, LogLevel.Information, "Event {EventId} from {Source} ({EventType}) was retracted in {RetractionId} before it was shared: denied to every recipient")]
    public static partial void ArrivedRetracted(ILogger logger, Guid eventId, string source, string eventType, Guid retractionId);
}
