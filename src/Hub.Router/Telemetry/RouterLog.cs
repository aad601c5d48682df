using Microsoft.Extensions.Logging;

namespace Hub.Router.Telemetry;

/// <summary>The router's log messages: identifiers, codes and counts only, never payloads or subject data.</summary>
public static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Debug, "Routed event {EventId} from {Source} ({EventType}): {Allowed} allowed, {Denied} denied, redelivery {Redelivery}")]
    public static partial void EventRouted(ILogger logger, Guid eventId, string source, string eventType, int allowed, int denied, bool redelivery);

    [LoggerMessage(2, LogLevel.Warning, "Rejected ingress message {MessageId} from {Source}: {Code} ({Reason})")]
    public static partial void IngressRejected(ILogger logger, string source, string code, string? messageId, string reason);

    [LoggerMessage(3, LogLevel.Error, "Could not ledger a rejected message from {Source} ({Code}): {ExceptionType}; it goes to the error queue unledgered")]
    public static partial void RejectionNotLedgered(ILogger logger, string source, string code, string exceptionType);

    [LoggerMessage(4, LogLevel.Information, "Loaded agreement set {Hash}: {Agreements} agreements, {Flows} flows")]
    public static partial void AgreementsLoaded(ILogger logger, string hash, int agreements, int flows);

    [LoggerMessage(5, LogLevel.Critical, "Agreement set is invalid as a whole; router cannot start: {Errors}")]
    public static partial void AgreementsInvalid(ILogger logger, string errors);

    [LoggerMessage(6, LogLevel.Warning, "Agreement change refused as a whole; set {CurrentHash} stays in force. Errors: {Errors}")]
    public static partial void AgreementsRejected(ILogger logger, string currentHash, string errors);

    [LoggerMessage(7, LogLevel.Warning, "Agreement folder could not be read ({ExceptionType}); the current set stays in force")]
    public static partial void AgreementsUnreadable(ILogger logger, string exceptionType);

    [LoggerMessage(8, LogLevel.Warning, "Agreement folder cannot be watched ({ExceptionType}); changes are picked up by the periodic check only")]
    public static partial void AgreementsUnwatched(ILogger logger, string exceptionType);

    [LoggerMessage(9, LogLevel.Warning, "Agreement warning: {Warning}")]
    public static partial void AgreementWarning(ILogger logger, string warning);

    [LoggerMessage(10, LogLevel.Warning, "Agreement set {Hash} names participants that are not in Router:Agencies, so they neither publish nor receive: {Agencies}")]
    public static partial void ParticipantsNotConnected(ILogger logger, string hash, string agencies);

    [LoggerMessage(11, LogLevel.Warning, "{Count} agreement file(s) refused; each keeps the version in force, if it had one, and the others decide as set {Hash}. Errors: {Errors}")]
    public static partial void AgreementFilesRefused(ILogger logger, int count, string hash, string errors);
}
