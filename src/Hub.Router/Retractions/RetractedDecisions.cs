using Hub.Sharing.Decisions;

namespace Hub.Router.Retractions;

/// <summary>
/// The decisions for an event its source had already retracted when it reached the router (docs/adr/0020, amended):
/// denied to every candidate the engine considered, with reason code <see cref="DecisionReasonCodes.Retracted"/>,
/// every field withheld, and no agreement cited, because no agreement decided it. Ledgered like any decision.
/// </summary>
public static class RetractedDecisions
{
    public static IReadOnlyList<Decision> Deny(IReadOnlyList<Decision> decided, RetractedEvent retracted)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(retracted);
        string[] reasons = [$"{retracted.Source} retracted this event ({retracted.Reason}) in retraction {retracted.RetractionId} before the hub shared it: it is shared with no one"];
        return [.. decided.Select(d => new Decision
        {
            Recipient = d.Recipient,
            Outcome = DecisionOutcome.Denied,
            ReasonCode = DecisionReasonCodes.Retracted,
            Reasons = reasons,
            WithheldFields = [.. d.ReleasedFields.Concat(d.WithheldFields).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        })];
    }
}
