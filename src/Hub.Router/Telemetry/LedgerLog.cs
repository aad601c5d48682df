using Microsoft.Extensions.Logging;

namespace Hub.Router.Telemetry;

/// <summary>The ledger integrity messages (sealing, append-only guard): counts, seq numbers and role names only.</summary>
public static partial class LedgerLog
{
    [LoggerMessage(101, LogLevel.Information, "Sealed {Rows} ledger rows in {Seals} seal(s); head seal {Head} through seq {LastSequence}")]
    public static partial void Sealed(ILogger logger, long rows, int seals, long head, long lastSequence);

    [LoggerMessage(102, LogLevel.Debug, "Ledger sealing deferred: {Reason}")]
    public static partial void SealingDeferred(ILogger logger, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Ledger sealing pass failed ({ExceptionType}); the next pass retries")]
    public static partial void SealingFailed(ILogger logger, string exceptionType);

    [LoggerMessage(104, LogLevel.Warning, "The ledger is not append-only at the database level: role {Role} may UPDATE or DELETE ledger rows. Set ConnectionStrings:LedgerAdmin to a schema owner and run the router as a role without those rights (docs/adr/0008)")]
    public static partial void NotAppendOnly(ILogger logger, string role);

    [LoggerMessage(105, LogLevel.Information, "Ledger schema applied by role {Owner}; runtime role {Role} may insert and read ledger rows but not update or delete them")]
    public static partial void AppendOnlyGranted(ILogger logger, string owner, string role);

    [LoggerMessage(106, LogLevel.Information, "Sent {Anchors} signed seal anchor(s) outside the ledger database")]
    public static partial void Anchored(ILogger logger, int anchors);

    [LoggerMessage(107, LogLevel.Warning, "Sending seal anchors failed ({ExceptionType}); the next pass sends them again")]
    public static partial void AnchoringFailed(ILogger logger, string exceptionType);
}
