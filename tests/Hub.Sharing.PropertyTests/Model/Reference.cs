using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>
/// The sharing rules written out again, directly over the model and independently of the engine, as the
/// properties' oracle: when an agreement is in force, when a condition holds, when a consent covers a share.
/// </summary>
public static class Reference
{
    /// <summary>The UTC date of the decision: agreement dates are compared in UTC.</summary>
    public static DateOnly UtcDay(this CaseModel c) => DateOnly.FromDateTime(c.DecisionTime.UtcDateTime);

    /// <summary>Active, on or after its effective date and before its expiry date.</summary>
    public static bool InForce(this AgreementModel a, DateOnly day) =>
        a.Status == "active"
        && AgreementModel.Day(a.EffectiveDay) <= day
        && (a.ExpiresDay is null || day < AgreementModel.Day(a.ExpiresDay.Value));

    public static bool InForce(this CaseModel c, AgreementModel a) => a.InForce(c.UtcDay());

    /// <summary>The flow names this source, event type and recipient.</summary>
    public static bool Names(this FlowModel f, string source, string eventType, string recipient) =>
        f.Source == source && f.EventTypes.Contains(eventType) && f.Recipients.Contains(recipient);

    public static bool Holds(this ConditionModel condition, EventModel e)
    {
        var value = e.Find(condition.Field);
        var present = value is { IsPresent: true };
        return condition.Op switch
        {
            Op.Exists => present == (condition.Values[0] == "true"),
            Op.EqualTo or Op.In => present && condition.Values.Contains(value!.Text),
            _ => !present || !condition.Values.Contains(value!.Text),
        };
    }

    public static bool ConditionsHold(this FlowModel f, EventModel e) => f.Conditions.All(c => c.Holds(e));

    /// <summary>
    /// The consent the event refers to is in the registry, given at or before the decision, neither withdrawn nor
    /// expired at or before it, and covers the purpose and the recipient (no recipients listed: any party).
    /// </summary>
    public static bool ConsentCovers(this CaseModel c, string recipient, string purpose)
    {
        if (string.IsNullOrWhiteSpace(c.ConsentRef) || c.Consents.FirstOrDefault(x => x.Id == c.ConsentRef) is not { } consent)
        {
            return false;
        }

        return consent.GivenSeconds <= 0
            && consent.WithdrawnSeconds is null or > 0
            && consent.ExpiresSeconds is null or > 0
            && consent.Purposes.Contains(purpose)
            && (consent.Recipients.Count == 0 || consent.Recipients.Contains(recipient));
    }

    /// <summary>
    /// A permit applies when its agreement is in force, its conditions hold, the gateway the data came under (if
    /// any) prescribes its purpose, the gateway it relies on is asserted, and any consent it needs covers the share.
    /// </summary>
    public static bool PermitApplies(this CaseModel c, AgreementModel a, FlowModel f, string recipient)
    {
        if (!f.IsPermit || !c.InForce(a) || !f.Names(c.Event.Source, c.Event.EventType, recipient) || !f.ConditionsHold(c.Event))
        {
            return false;
        }

        if (Gateways.Find(c.LegalGateway) is { } limit && !limit.PrescribedPurposes.Contains(f.Purpose))
        {
            return false;
        }

        // The event's declared purpose must be one its gateway prescribes; a supply gateway's data serves that purpose alone.
        if (Gateways.Find(c.LegalGateway) is { } asserted
            && (!asserted.PrescribedPurposes.Contains(c.DeclaredPurpose) || (asserted.BindsToDeclaredPurpose && f.Purpose != c.DeclaredPurpose)))
        {
            return false;
        }

        var gatewayAsserted = f.Gateway is not null && f.Gateway == c.LegalGateway;
        if (f.Gateway is not null && f.Consent != ConsentNeed.RequiredUnlessGateway && !gatewayAsserted)
        {
            return false;
        }

        var consentNeeded = f.Consent == ConsentNeed.Required || (f.Consent == ConsentNeed.RequiredUnlessGateway && !gatewayAsserted);
        return !consentNeeded || c.ConsentCovers(recipient, f.Purpose);
    }

    /// <summary>A permit relies on the consent when it needs one: required, or required unless a gateway the event does not assert.</summary>
    public static bool NeedsConsent(this CaseModel c, FlowModel f) =>
        f.Consent == ConsentNeed.Required || (f.Consent == ConsentNeed.RequiredUnlessGateway && !(f.Gateway is not null && f.Gateway == c.LegalGateway));

    /// <summary>
    /// What an allowed share relied on: the consent if some released field left only under permits that need it;
    /// else the gateway if a permit applied on the gateway the event asserts; else the flows' basis.
    /// </summary>
    public static string Footing(this CaseModel c, IReadOnlyList<FlowModel> applying, IReadOnlyList<string> released)
    {
        if (released.Any(field => applying.Where(f => f.Fields.Contains(field)).All(c.NeedsConsent)))
        {
            return "Consent";
        }

        return applying.Any(f => !c.NeedsConsent(f) && f.Gateway is not null && f.Gateway == c.LegalGateway) ? "Gateway" : "Basis";
    }

    /// <summary>A forbid applies when its agreement is in force and its conditions hold; nothing else matters.</summary>
    public static bool ForbidApplies(this CaseModel c, AgreementModel a, FlowModel f, string recipient) =>
        !f.IsPermit && c.InForce(a) && f.Names(c.Event.Source, c.Event.EventType, recipient) && f.ConditionsHold(c.Event);

    public static IEnumerable<(AgreementModel Agreement, FlowModel Flow)> AllFlows(this CaseModel c) =>
        c.Agreements.SelectMany(a => a.Flows.Select(f => (a, f)));

    /// <summary>Permit flows naming the source, event type and recipient, whether or not they apply.</summary>
    public static IEnumerable<FlowModel> PermitsNaming(this CaseModel c, string recipient) =>
        c.AllFlows().Select(x => x.Flow).Where(f => f.IsPermit && f.Names(c.Event.Source, c.Event.EventType, recipient));
}
