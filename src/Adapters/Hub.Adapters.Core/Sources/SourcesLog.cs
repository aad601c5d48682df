using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sources;

/// <summary>Source log messages: file names, row numbers, ids and counts only; never record values.</summary>
public static partial class SourcesLog
{
    [LoggerMessage(201, LogLevel.Information, "{Agency}: {Origin} rejected with {ProblemCount} problem(s)")]
    public static partial void RecordRejected(ILogger logger, string agency, string origin, int problemCount);

    [LoggerMessage(202, LogLevel.Warning, "{Agency}: event {EventId} not confirmed by the broker ({ExceptionType})")]
    public static partial void PublishFailed(ILogger logger, string agency, Guid eventId, string exceptionType);

    [LoggerMessage(203, LogLevel.Information, "{Agency}: drop file {File} done: {Rows} rows, {Published} published, {Quarantined} quarantined")]
    public static partial void FileDone(ILogger logger, string agency, string file, int rows, int published, int quarantined);

    [LoggerMessage(204, LogLevel.Information, "{Agency}: drop file {File} resumes after row {Row}")]
    public static partial void FileResumed(ILogger logger, string agency, string file, int row);

    /// <summary>Only the exception types: a transport exception's text is not ours to vouch for.</summary>
    [LoggerMessage(205, LogLevel.Warning, "Drop file {File} stopped: a publish was not confirmed ({ExceptionType}); it resumes from its checkpoint on the next poll")]
    public static partial void FileInterrupted(ILogger logger, string file, string exceptionType);

    [LoggerMessage(206, LogLevel.Warning, "{Agency}: drop file {File} is unreadable as a whole and was quarantined")]
    public static partial void FileQuarantined(ILogger logger, string agency, string file);

    [LoggerMessage(207, LogLevel.Warning, "{Agency}: HTTP ingest refused a request for {EventType}: {Status}")]
    public static partial void HttpRefused(ILogger logger, string agency, string eventType, int status);

    [LoggerMessage(208, LogLevel.Information, "{Agency}: change table {Table} published up to change {ChangeId}")]
    public static partial void ChangesPublished(ILogger logger, string agency, string table, long changeId);

    /// <summary>Only the exception type: a database error's message can quote row values.</summary>
    [LoggerMessage(209, LogLevel.Warning, "{Agency}: change table {Table} poll failed ({ExceptionType}); retried on the next poll from the stored watermark")]
    public static partial void ChangePollFailed(ILogger logger, string agency, string table, string exceptionType);

    [LoggerMessage(210, LogLevel.Warning, "Drop folder: the inbox cannot be watched ({ExceptionType}); polling only")]
    public static partial void WatcherUnavailable(ILogger logger, string exceptionType);
}
