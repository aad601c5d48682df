using System.Collections.Frozen;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;

namespace Hub.Sharing.Decisions;

/// <summary>
/// The decision semantics of architecture §5, compiled once per agreement set. Deny by default; a forbid that
/// applies overrides every permit; a permit applies only while its agreement is in force, its conditions hold,
/// the event's gateway allows its purpose, and any consent it needs is valid at decision time; only the union
/// of applying permits' fields leaves.
/// <para>
/// Flows are indexed by (source, event type, recipient), so the cost of a decision does not grow with the number
/// of agreements loaded. Everything about a flow that does not depend on the event is worked out here, once
/// (<see cref="CompiledFlow"/>); a flow walked is a yes/no check that allocates nothing, and the sentences
/// explaining a failed check are written only for a denial. docs/benchmarks.md has the figures.
/// </para>
/// </summary>
public sealed class AgreementDecisionEngine : IDecisionEngine
{
    private readonly FrozenDictionary<(string Source, string EventType, string Recipient), CompiledFlow[]> _index;
    private readonly FrozenSet<(string Source, string EventType)> _needsConsent;

    public AgreementDecisionEngine(AgreementSet agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        AgreementSetHash = agreements.Hash;
        Agreements = agreements;
        _index = agreements.Agreements
            .SelectMany(a => a.Flows.Select(f => new CompiledFlow(a, f)))
            .SelectMany(c => c.Flow.EventTypes.SelectMany(t => c.Flow.Recipients.Select(r => (Key: (c.Flow.Source.Value, t, r.Value), Compiled: c))))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Compiled).ToArray());
        _needsConsent = agreements.Agreements
            .SelectMany(a => a.Flows)
            .Where(f => f.Effect == FlowEffect.Permit && f.Consent != ConsentRequirement.NotRequired)
            .SelectMany(f => f.EventTypes.Select(t => (f.Source.Value, t)))
            .ToFrozenSet();
    }

    public string AgreementSetHash { get; }

    /// <summary>
    /// Whether some permit for <paramref name="eventType"/> from <paramref name="source"/> may need a consent: only then
    /// can a consent the registry has not recorded yet change a decision (the router's hold window, docs/adr/0018).
    /// </summary>
    public bool MayNeedConsent(AgencyCode source, string eventType) => _needsConsent.Contains((source.Value, eventType));

    /// <summary>The agreement set this engine was compiled from (e.g. to resolve the parties a consent names by agreement).</summary>
    public AgreementSet Agreements { get; }

    public IReadOnlyList<Decision> Decide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new RequestContext(request);
        var decisions = new Decision[request.Candidates.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = DecideFor(context, request.Candidates[i]);
        }

        return decisions;
    }

    private Decision DecideFor(RequestContext context, AgencyCode recipient)
    {
        var request = context.Request;
        if (!_index.TryGetValue((request.Source.Value, request.EventType, recipient.Value), out var flows))
        {
            return DecisionFactory.Denied(context, recipient, null, DecisionReasonCodes.NoFlow, [$"no agreement has a flow sharing {request.EventType} from {request.Source} to {recipient}"]);
        }

        var permits = new Permits();
        foreach (var flow in flows)
        {
            if (!FlowChecks.Applies(context, recipient, flow, why: null, out var consentGrounds))
            {
                continue;
            }

            if (flow.Flow.Effect == FlowEffect.Forbid)
            {
                return DecisionFactory.Denied(context, recipient, flow, DecisionReasonCodes.Forbidden, [$"{flow.Reference} flow {flow.Flow.Id} forbids {request.EventType} from {request.Source} to {recipient} (purpose {flow.Flow.Purpose})"]);
            }

            permits.Add(flow, PermitReason(request, flow, consentGrounds), FootingOf(request, flow, consentGrounds));
        }

        return permits.Count == 0
            ? DecisionFactory.Denied(context, recipient, Candidate(flows, request.DecisionTime), DecisionReasonCodes.ChecksFailed, Failures(context, recipient, flows))
            : DecisionFactory.Allowed(context, recipient, permits);
    }

    private static string PermitReason(DecisionRequest request, CompiledFlow flow, string? consentGrounds)
    {
        if (consentGrounds is not null)
        {
            return flow.PermitReasonWithConsent(consentGrounds);
        }

        return FlowChecks.PermitsOnGateway(request, flow.Flow, consentGrounds) ? flow.PermitReasonOnGateway : flow.PermitReason;
    }

    private static DecisionFooting FootingOf(DecisionRequest request, CompiledFlow flow, string? consentGrounds)
    {
        if (consentGrounds is not null)
        {
            return DecisionFooting.Consent;
        }

        return FlowChecks.PermitsOnGateway(request, flow.Flow, consentGrounds) ? DecisionFooting.Gateway : DecisionFooting.Basis;
    }

    /// <summary>
    /// The flow a denial with no forbid names as the one evaluated, so a subject report says under which agreement the
    /// share was refused: the first permitting flow on the key whose agreement is in force at decision time, in agreement
    /// order; else the first permitting flow; else the first flow. An agreement that has lapsed is named only when nothing
    /// in force could have applied, so adding a lapsed agreement changes no other denial. The reasons still list every
    /// flow's failed checks.
    /// </summary>
    private static CompiledFlow Candidate(CompiledFlow[] flows, DateTimeOffset at)
    {
        CompiledFlow? firstPermit = null;
        foreach (var flow in flows)
        {
            if (flow.Flow.Effect != FlowEffect.Permit)
            {
                continue;
            }

            if (flow.Agreement.IsInForceAt(at))
            {
                return flow;
            }

            firstPermit ??= flow;
        }

        return firstPermit ?? flows[0];
    }

    /// <summary>For a denial with no forbid: every check every flow on the key failed, in IG language.</summary>
    private static List<string> Failures(RequestContext context, AgencyCode recipient, CompiledFlow[] flows)
    {
        var failures = new List<string>();
        foreach (var flow in flows)
        {
            FlowChecks.Applies(context, recipient, flow, failures, out _);
        }

        return failures;
    }
}
