namespace Hub.Sharing.Decisions;

/// <summary>Decides, per candidate recipient, whether an event may be shared and which fields leave.</summary>
public interface IDecisionEngine
{
    /// <summary>Hash of the agreement set the engine decides with.</summary>
    string AgreementSetHash { get; }

    IReadOnlyList<Decision> Decide(DecisionRequest request);

    /// <summary>Whether some permit for this source and event type may need a consent (see <see cref="AgreementDecisionEngine.MayNeedConsent"/>).</summary>
    bool MayNeedConsent(Hub.Contracts.Agencies.AgencyCode source, string eventType);
}
