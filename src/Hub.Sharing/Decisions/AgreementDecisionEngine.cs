using System.Collections.Frozen;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Sharing.Agreements;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Decisions;

/// <summary>
/// The decision semantics of architecture §5, compiled once per agreement set. Deny by default; a forbid that
/// applies overrides every permit; a permit applies only while its agreement is in force, its conditions hold,
/// the event's gateway allows its purpose, and any consent it needs is valid at decision time; only the union
/// of applying permits' fields leaves. Flows are indexed by (source, event type, recipient), so the cost of a
/// decision does not grow with the number of agreements.
/// </summary>
public sealed class AgreementDecisionEngine : IDecisionEngine
{
    private readonly FrozenDictionary<(string Source, string EventType, string Recipient), (Agreement Agreement, Flow Flow)[]> _index;

    public AgreementDecisionEngine(AgreementSet agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        AgreementSetHash = agreements.Hash;
        _index = agreements.Agreements
            .SelectMany(a => a.Flows.Select(f => (Agreement: a, Flow: f)))
            .SelectMany(x => x.Flow.EventTypes.SelectMany(t => x.Flow.Recipients.Select(r => (Key: (x.Flow.Source.Value, t, r.Value), x.Agreement, x.Flow))))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Agreement, x.Flow)).ToArray());
    }

    public string AgreementSetHash { get; }

    public IReadOnlyList<Decision> Decide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The gateway the event asserts is the same for every candidate and flow: look it up once.
        var limit = Gateways.Find(request.Consent.LegalGateway);
        var decisions = new Decision[request.Candidates.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = DecideFor(request, request.Candidates[i], limit);
        }

        return decisions;
    }

    private Decision DecideFor(DecisionRequest request, AgencyCode recipient, Gateway? limit)
    {
        if (!_index.TryGetValue((request.Source.Value, request.EventType, recipient.Value), out var flows))
        {
            return Denied(request, recipient, null, [$"no agreement has a flow sharing {request.EventType} from {request.Source} to {recipient}"]);
        }

        var failures = new List<string>();
        var permits = new List<(Agreement Agreement, Flow Flow, string Grounds)>();
        foreach (var (agreement, flow) in flows)
        {
            var failed = FailedChecks(request, recipient, agreement, flow, limit, out var extraGrounds);
            if (failed.Count > 0)
            {
                failures.AddRange(failed.Select(f => $"{agreement.Reference} flow {flow.Id}: {f}"));
            }
            else if (flow.Effect == FlowEffect.Forbid)
            {
                return Denied(request, recipient, (agreement, flow), [$"{agreement.Reference} flow {flow.Id} forbids {request.EventType} from {request.Source} to {recipient} (purpose {flow.Purpose})"]);
            }
            else
            {
                // Grounds are worded only for flows that permit: most flows walked do not.
                permits.Add((agreement, flow, flow.LawfulBasis.Describe() + extraGrounds));
            }
        }

        return permits.Count == 0 ? Denied(request, recipient, null, failures) : Allowed(request, recipient, permits);
    }

    /// <summary>
    /// Every reason this flow does not apply to this share, in IG language; empty when it applies. When it applies
    /// on a consent or a gateway, <paramref name="extraGrounds"/> says which, to follow the lawful basis.
    /// </summary>
    private static List<string> FailedChecks(DecisionRequest request, AgencyCode recipient, Agreement agreement, Flow flow, Gateway? limit, out string extraGrounds)
    {
        var failed = new List<string>();
        extraGrounds = string.Empty;
        if (!agreement.IsInForceAt(request.DecisionTime))
        {
            failed.Add($"agreement is not in force on {request.DecisionTime.UtcDateTime:yyyy-MM-dd} (status {agreement.Status.ToString().ToLowerInvariant()}, effective {agreement.Effective:yyyy-MM-dd}{(agreement.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty)})");
        }

        failed.AddRange(flow.Conditions.Where(c => !c.IsMetBy(request.Event)).Select(c => $"condition '{c.Describe()}' is not met"));
        if (flow.Effect == FlowEffect.Forbid)
        {
            return failed;
        }

        var asserted = request.Consent.LegalGateway;
        if (limit is not null && !limit.PrescribedPurposes.Contains(flow.Purpose))
        {
            failed.Add($"the data was obtained under {limit.Id}, which limits it to {string.Join(", ", limit.PrescribedPurposes)}; purpose {flow.Purpose} is not one of them ({limit.OnwardDisclosure})");
        }

        var gatewayApplies = flow.Gateway is not null && flow.Gateway == asserted;
        if (flow.Gateway is not null && flow.Consent != ConsentRequirement.RequiredUnlessGateway && !gatewayApplies)
        {
            failed.Add($"the flow relies on gateway {flow.Gateway}, which the event does not assert");
        }

        var consentNeeded = flow.Consent == ConsentRequirement.Required || (flow.Consent == ConsentRequirement.RequiredUnlessGateway && !gatewayApplies);
        if (consentNeeded)
        {
            if (string.IsNullOrWhiteSpace(request.Consent.ConsentRef))
            {
                failed.Add($"consent is required for purpose {flow.Purpose} but the event carries no consent reference");
            }
            else if (request.Consents.Check(request.Consent.ConsentRef, recipient, flow.Purpose, request.DecisionTime) is { } check)
            {
                if (check.IsValid)
                {
                    extraGrounds = "; " + check.Explanation;
                }
                else
                {
                    failed.Add(check.Explanation);
                }
            }
        }
        else if (gatewayApplies)
        {
            extraGrounds = $"; gateway {flow.Gateway}";
        }

        return failed;
    }

    private static Decision Allowed(DecisionRequest request, AgencyCode recipient, List<(Agreement Agreement, Flow Flow, string Grounds)> permits)
    {
        var primary = permits[0];
        var released = new SortedSet<string>(permits.SelectMany(p => p.Flow.Fields), StringComparer.Ordinal);
        released.IntersectWith(request.PresentFields);
        return new Decision
        {
            Recipient = recipient,
            Outcome = DecisionOutcome.Allowed,
            AgreementId = primary.Agreement.Id,
            AgreementVersion = primary.Agreement.Version,
            FlowId = primary.Flow.Id,
            Purpose = primary.Flow.Purpose,
            LawfulBasis = primary.Flow.LawfulBasis.Describe(),
            ReleasedFields = [.. released],
            WithheldFields = [.. request.PresentFields.Where(f => !released.Contains(f)).Order(StringComparer.Ordinal)],
            PseudonymisedFields = [.. permits.SelectMany(p => p.Flow.Pseudonymise).Where(released.Contains).Distinct().Order(StringComparer.Ordinal)],
            Obligations = MostRestrictive(permits.Select(p => p.Flow)),
            Reasons = [.. permits.Select(p => $"permitted by {p.Agreement.Reference} flow {p.Flow.Id} for purpose {p.Flow.Purpose} ({p.Grounds})")],
        };
    }

    private static Decision Denied(DecisionRequest request, AgencyCode recipient, (Agreement Agreement, Flow Flow)? by, IReadOnlyList<string> reasons) => new()
    {
        Recipient = recipient,
        Outcome = DecisionOutcome.Denied,
        AgreementId = by?.Agreement.Id,
        AgreementVersion = by?.Agreement.Version,
        FlowId = by?.Flow.Id,
        Purpose = by?.Flow.Purpose,
        Reasons = reasons,
        WithheldFields = [.. request.PresentFields.Order(StringComparer.Ordinal)],
    };

    private static Obligations MostRestrictive(IEnumerable<Flow> flows)
    {
        int? retention = null;
        var noOnward = false;
        foreach (var flow in flows)
        {
            if (flow.Obligations.RetentionDays is { } days)
            {
                retention = retention is null ? days : Math.Min(retention.Value, days);
            }

            noOnward |= flow.Obligations.OnwardSharingForbidden;
        }

        return new Obligations { RetentionDays = retention, OnwardSharingForbidden = noOnward };
    }
}
