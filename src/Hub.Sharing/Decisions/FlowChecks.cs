using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Disclosure;

namespace Hub.Sharing.Decisions;

/// <summary>
/// The checks a flow must pass to apply to one share (architecture §5, rules 3-5), in the order an explanation
/// lists them. One method serves both paths: with no failure list it stops at the first failed check and writes
/// nothing (most flows walked on the hot path); with a list it words every failed check (denials only).
/// </summary>
internal static class FlowChecks
{
    /// <summary>
    /// Whether <paramref name="compiled"/> applies to this share. When it applies on a consent,
    /// <paramref name="consentGrounds"/> holds the registry's wording of the consent it relies on.
    /// </summary>
    public static bool Applies(RequestContext context, AgencyCode recipient, CompiledFlow compiled, List<string>? why, out string? consentGrounds)
    {
        var request = context.Request;
        var flow = compiled.Flow;
        var applies = true;
        consentGrounds = null;
        if (!compiled.Agreement.IsInForceAt(request.DecisionTime))
        {
            if (why is null)
            {
                return false;
            }

            applies = false;
            why.Add(compiled.FailurePrefix + NotInForce(compiled.Agreement, request.DecisionTime));
        }

        foreach (var condition in flow.Conditions)
        {
            if (!condition.IsMetBy(request.Event))
            {
                if (why is null)
                {
                    return false;
                }

                applies = false;
                why.Add($"{compiled.FailurePrefix}condition '{condition.Describe()}' is not met");
            }
        }

        if (flow.Effect == FlowEffect.Forbid)
        {
            return applies;
        }

        if (flow.SmallNumbers is { Action: SmallNumberAction.Deny } rule && SmallNumbers.Find(request.Event, compiled.Fields, rule.Threshold) is { Count: > 0 } small)
        {
            if (why is null)
            {
                return false;
            }

            applies = false;
            why.Add($"{compiled.FailurePrefix}small-number disclosure control: {SmallNumbersWording.Paths(small)} {(small.Count == 1 ? "holds a count" : "hold counts")} below {rule.Threshold}, and this flow refuses an event with a small count");
        }

        if (context.GatewayLimit is { } limit && !limit.PrescribedPurposes.Contains(flow.Purpose))
        {
            if (why is null)
            {
                return false;
            }

            applies = false;
            why.Add($"{compiled.FailurePrefix}the data was obtained under {limit.Id}, which limits it to {string.Join(", ", limit.PrescribedPurposes)}; purpose {flow.Purpose} is not one of them ({limit.OnwardDisclosure})");
        }

        if (context.GatewayLimit is { } asserted && DeclaredPurposeFailure(context, asserted, flow) is { } purposeFailure)
        {
            if (why is null)
            {
                return false;
            }

            applies = false;
            why.Add(compiled.FailurePrefix + purposeFailure);
        }

        var gatewayApplies = flow.Gateway is not null && flow.Gateway == request.Consent.LegalGateway;
        if (flow.Gateway is not null && flow.Consent != ConsentRequirement.RequiredUnlessGateway && !gatewayApplies)
        {
            if (why is null)
            {
                return false;
            }

            applies = false;
            why.Add($"{compiled.FailurePrefix}the flow relies on gateway {flow.Gateway}, which the event does not assert");
        }

        var consentNeeded = flow.Consent == ConsentRequirement.Required || (flow.Consent == ConsentRequirement.RequiredUnlessGateway && !gatewayApplies);
        if (!consentNeeded)
        {
            return applies;
        }

        var consentRef = request.Consent.ConsentRef;
        if (string.IsNullOrWhiteSpace(consentRef))
        {
            why?.Add($"{compiled.FailurePrefix}consent is required for purpose {flow.Purpose} but the event carries no consent reference");
            return false;
        }

        var check = request.Consents.Check(consentRef, recipient, flow.Purpose, request.DecisionTime);
        if (!check.IsValid)
        {
            why?.Add(compiled.FailurePrefix + check.Explanation);
            return false;
        }

        consentGrounds = check.Explanation;
        return applies;
    }

    /// <summary>True when the flow permits on the gateway the event asserts rather than on a consent.</summary>
    public static bool PermitsOnGateway(DecisionRequest request, Flow flow, string? consentGrounds) =>
        consentGrounds is null && flow.Gateway is not null && flow.Gateway == request.Consent.LegalGateway;

    /// <summary>
    /// The purpose the event declares binds what it was obtained under: it must be one the asserted gateway
    /// prescribes, and a supply gateway's data may serve that one purpose only (the request-purpose check of AS-13).
    /// </summary>
    private static string? DeclaredPurposeFailure(RequestContext context, Vocabulary.Gateway asserted, Flow flow)
    {
        var declared = context.Request.Consent.CollectionPurpose;
        if (!context.DeclaredPurposeIsPrescribed)
        {
            return $"the event asserts {asserted.Id} for purpose {declared}, which {asserted.Id} does not prescribe";
        }

        return asserted.BindsToDeclaredPurpose && flow.Purpose != declared && asserted.PrescribedPurposes.Contains(flow.Purpose)
            ? $"the data was supplied under {asserted.Id} for purpose {declared} and may be used for that purpose only, not for {flow.Purpose} ({asserted.OnwardDisclosure})"
            : null;
    }

    private static string NotInForce(Agreement agreement, DateTimeOffset at) =>
        $"agreement is not in force on {at.UtcDateTime:yyyy-MM-dd} (status {agreement.Status.ToString().ToLowerInvariant()}, effective {agreement.Effective:yyyy-MM-dd}{(agreement.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty)})";
}
