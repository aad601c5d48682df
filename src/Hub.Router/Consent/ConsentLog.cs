using Microsoft.Extensions.Logging;

namespace Hub.Router.Consent;

/// <summary>Consent registry and recall log messages: consent, recall and delivery ids and recall causes only, never subjects.</summary>
public static partial class ConsentLog
{
    [LoggerMessage(601, LogLevel.Information, "Consent {ConsentId} registered from {Source} ({Outcome})")]
    public static partial void Registered(ILogger logger, string consentId, string source, string outcome);

    [LoggerMessage(602, LogLevel.Information, "Consent {ConsentId} withdrawn by {Source}; consent-based sharing under it stops")]
    public static partial void Withdrawn(ILogger logger, string consentId, string source);

    /// <summary>The cause's kind only: a consent id may be built from a case number; the recall id finds the rest.</summary>
    [LoggerMessage(603, LogLevel.Information, "Recall {RecallId} ({Cause}) sent to {Recipient} naming {Deliveries} deliveries")]
    public static partial void RecallSent(ILogger logger, Guid recallId, string cause, string recipient, int deliveries);

    [LoggerMessage(604, LogLevel.Information, "Recall {RecallId} acknowledged by {Recipient} ({Outcome})")]
    public static partial void RecallAcknowledged(ILogger logger, Guid recallId, string recipient, string outcome);

    [LoggerMessage(605, LogLevel.Information, "Withdrawal of consent {ConsentId} from {Source} kept: the consent is not recorded yet, and is registered already withdrawn when it is")]
    public static partial void WithdrawalKept(ILogger logger, string consentId, string source);
}
