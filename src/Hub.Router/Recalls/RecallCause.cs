namespace Hub.Router.Recalls;

/// <summary>
/// Why recalls were opened, and the key the recall store plans and finds them under: the kind, and its reference
/// (the withdrawn consent's id, or the source's <c>health.record.retracted</c> event id).
/// </summary>
public sealed record RecallCause(RecallCauseKind Kind, string Reference)
{
    public static RecallCause ForConsent(string consentId) => new(RecallCauseKind.ConsentWithdrawal, consentId);

    public static RecallCause ForRetraction(Guid retractionId) => new(RecallCauseKind.Retraction, retractionId.ToString());

    /// <summary><c>consent-withdrawal</c> or <c>retraction</c> (<see cref="RecallCauseKinds"/>).</summary>
    public string KindText => RecallCauseKinds.ToText(Kind);

    /// <summary>The withdrawn consent; empty for a retraction (what <c>RecallRequested.ConsentRef</c> carries).</summary>
    public string ConsentId => Kind == RecallCauseKind.ConsentWithdrawal ? Reference : string.Empty;

    /// <summary>The retraction's event id; null for a consent withdrawal.</summary>
    public Guid? RetractionId => Kind == RecallCauseKind.Retraction ? Guid.Parse(Reference) : null;

    /// <summary>
    /// What recall ids of this cause are derived from (<see cref="RecallPlanner"/>): the same strings as before the
    /// recall tables were unified, so recalls planned then keep their ids and are never planned twice.
    /// </summary>
    public string IdPrefix => Kind == RecallCauseKind.Retraction ? $"retraction|{Guid.Parse(Reference):N}" : $"recall|{Reference}";
}
