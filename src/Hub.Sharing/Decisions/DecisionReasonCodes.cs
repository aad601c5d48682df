namespace Hub.Sharing.Decisions;

/// <summary>
/// One short, fixed code per decision, for counting (metrics, dashboards) where the worded <see cref="Decision.Reasons"/>
/// would be unbounded. Allowed: what the disclosure rested on. Denied: why nothing left.
/// </summary>
public static class DecisionReasonCodes
{
    /// <summary>Allowed on the flows' lawful basis alone.</summary>
    public const string Basis = "basis";

    /// <summary>Allowed on the legal gateway the event asserts.</summary>
    public const string Gateway = "gateway";

    /// <summary>Allowed because of a consent valid at decision time.</summary>
    public const string Consent = "consent";

    /// <summary>Denied: no agreement has a flow for this event type, source and recipient.</summary>
    public const string NoFlow = "no_flow";

    /// <summary>Denied by a forbidding flow.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Denied: flows exist, but each failed a check (not in force, condition, consent, gateway, purpose).</summary>
    public const string ChecksFailed = "checks_failed";

    /// <summary>Denied: every field a permit would release carries a value obtained under a gateway that does not allow this purpose (issue 12).</summary>
    public const string InheritedGateway = "inherited_gateway";

    /// <summary>
    /// Denied to every candidate: the source had already retracted the event (FHIR entered-in-error, cancelled, revoked)
    /// when it reached the router, so it is shared with no one whatever the agreements say (docs/adr/0020, amended).
    /// </summary>
    public const string Retracted = "retracted";

    public static IReadOnlyList<string> All { get; } = [Basis, Gateway, Consent, NoFlow, Forbidden, ChecksFailed, InheritedGateway, Retracted];
}
