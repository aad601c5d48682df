using Hub.Sharing.Consent;

namespace Hub.Router.Consent.Holding;

/// <summary>The outcome for one event, and for <see cref="HoldOutcome.WindowEnded"/> the consent view to decide with.</summary>
public sealed record HoldCheck(HoldOutcome Outcome, IConsentView? View = null);
