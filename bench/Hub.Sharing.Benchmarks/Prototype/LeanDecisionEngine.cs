using System.Collections.Frozen;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Benchmarks.Prototype;

/// <summary>
/// EXPERIMENT, not product code: the semantics of <see cref="AgreementDecisionEngine"/> with its hot-path costs
/// moved out, to put numbers on the suggestions in docs/benchmarks.md. <see cref="PrototypeCheck"/> proves it gives
/// the same decisions (compared as JSON) over every key of the generated sets. What it changes:
/// <list type="number">
/// <item>Per flow, once at load: the lawful-basis description, the agreement reference, the permit reason, the
/// fields and pseudonymised fields as ordinal-sorted arrays and sets.</item>
/// <item>Per request, once for all candidates: the asserted gateway's limits, and the present fields sorted.</item>
/// <item>Per flow walked: a yes/no check with no allocation; the failure sentences are written only when the
/// decision is a denial that needs them (the original writes them, and a list, for every flow walked).</item>
/// <item>Per allowed decision: released / withheld / pseudonymised fields by one pass over the sorted present
/// fields, no LINQ, SortedSet or Order; one reason per permit taken from the cache.</item>
/// </list>
/// </summary>
public sealed class LeanDecisionEngine : IDecisionEngine
{
    private readonly FrozenDictionary<(string Source, string EventType, string Recipient), CompiledFlow[]> _index;

    public LeanDecisionEngine(AgreementSet agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        AgreementSetHash = agreements.Hash;
        _index = agreements.Agreements
            .SelectMany(a => a.Flows.Select(f => new CompiledFlow(a, f)))
            .SelectMany(c => c.Flow.EventTypes.SelectMany(t => c.Flow.Recipients.Select(r => (Key: (c.Flow.Source.Value, t, r.Value), Compiled: c))))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Compiled).ToArray());
    }

    public string AgreementSetHash { get; }

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
            return Denied(context, recipient, null, [$"no agreement has a flow sharing {request.EventType} from {request.Source} to {recipient}"]);
        }

        CompiledFlow? only = null;
        string? onlyGrounds = null;
        List<(CompiledFlow Flow, string Grounds)>? more = null;
        foreach (var flow in flows)
        {
            if (!Applies(context, recipient, flow, out var grounds))
            {
                continue;
            }

            if (flow.Flow.Effect == FlowEffect.Forbid)
            {
                return Denied(context, recipient, flow, [$"{flow.Reference} flow {flow.Flow.Id} forbids {request.EventType} from {request.Source} to {recipient} (purpose {flow.Flow.Purpose})"]);
            }

            if (only is null)
            {
                (only, onlyGrounds) = (flow, grounds);
            }
            else
            {
                (more ??= []).Add((flow, grounds!));
            }
        }

        return only is null ? Denied(context, recipient, null, Failures(context, recipient, flows)) : Allowed(context, recipient, only, onlyGrounds!, more);
    }

    /// <summary>The original's checks in the original order, without writing why they fail.</summary>
    private static bool Applies(RequestContext context, AgencyCode recipient, CompiledFlow compiled, out string? grounds)
    {
        var request = context.Request;
        var flow = compiled.Flow;
        grounds = null;
        if (!compiled.Agreement.IsInForceAt(request.DecisionTime))
        {
            return false;
        }

        foreach (var condition in flow.Conditions)
        {
            if (!condition.IsMetBy(request.Event))
            {
                return false;
            }
        }

        if (flow.Effect == FlowEffect.Forbid)
        {
            return true;
        }

        if (context.GatewayLimit is { } limit && !limit.PrescribedPurposes.Contains(flow.Purpose))
        {
            return false;
        }

        var asserted = request.Consent.LegalGateway;
        var gatewayApplies = flow.Gateway is not null && flow.Gateway == asserted;
        if (flow.Gateway is not null && flow.Consent != ConsentRequirement.RequiredUnlessGateway && !gatewayApplies)
        {
            return false;
        }

        grounds = compiled.Basis;
        var consentNeeded = flow.Consent == ConsentRequirement.Required || (flow.Consent == ConsentRequirement.RequiredUnlessGateway && !gatewayApplies);
        if (consentNeeded)
        {
            if (string.IsNullOrWhiteSpace(request.Consent.ConsentRef))
            {
                return false;
            }

            var check = request.Consents.Check(request.Consent.ConsentRef, recipient, flow.Purpose, request.DecisionTime);
            if (!check.IsValid)
            {
                return false;
            }

            grounds += "; " + check.Explanation;
        }
        else if (gatewayApplies)
        {
            grounds = compiled.BasisWithGateway;
        }

        return true;
    }

    /// <summary>Only for a denial with no permit: every reason every flow failed, worded as the original words them.</summary>
    private static List<string> Failures(RequestContext context, AgencyCode recipient, CompiledFlow[] flows)
    {
        var request = context.Request;
        var failures = new List<string>();
        foreach (var compiled in flows)
        {
            var agreement = compiled.Agreement;
            var flow = compiled.Flow;
            var prefix = $"{compiled.Reference} flow {flow.Id}: ";
            if (!agreement.IsInForceAt(request.DecisionTime))
            {
                failures.Add(prefix + $"agreement is not in force on {request.DecisionTime.UtcDateTime:yyyy-MM-dd} (status {agreement.Status.ToString().ToLowerInvariant()}, effective {agreement.Effective:yyyy-MM-dd}{(agreement.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty)})");
            }

            failures.AddRange(flow.Conditions.Where(c => !c.IsMetBy(request.Event)).Select(c => prefix + $"condition '{c.Describe()}' is not met"));
            if (flow.Effect == FlowEffect.Forbid)
            {
                continue;
            }

            if (context.GatewayLimit is { } limit && !limit.PrescribedPurposes.Contains(flow.Purpose))
            {
                failures.Add(prefix + $"the data was obtained under {limit.Id}, which limits it to {string.Join(", ", limit.PrescribedPurposes)}; purpose {flow.Purpose} is not one of them ({limit.OnwardDisclosure})");
            }

            var asserted = request.Consent.LegalGateway;
            var gatewayApplies = flow.Gateway is not null && flow.Gateway == asserted;
            if (flow.Gateway is not null && flow.Consent != ConsentRequirement.RequiredUnlessGateway && !gatewayApplies)
            {
                failures.Add(prefix + $"the flow relies on gateway {flow.Gateway}, which the event does not assert");
            }

            var consentNeeded = flow.Consent == ConsentRequirement.Required || (flow.Consent == ConsentRequirement.RequiredUnlessGateway && !gatewayApplies);
            if (consentNeeded)
            {
                if (string.IsNullOrWhiteSpace(request.Consent.ConsentRef))
                {
                    failures.Add(prefix + $"consent is required for purpose {flow.Purpose} but the event carries no consent reference");
                }
                else if (request.Consents.Check(request.Consent.ConsentRef, recipient, flow.Purpose, request.DecisionTime) is { IsValid: false } check)
                {
                    failures.Add(prefix + check.Explanation);
                }
            }
        }

        return failures;
    }

    private static Decision Allowed(RequestContext context, AgencyCode recipient, CompiledFlow primary, string primaryGrounds, List<(CompiledFlow Flow, string Grounds)>? more)
    {
        var present = context.SortedPresent;
        var released = new List<string>(present.Length);
        var withheld = new List<string>(present.Length);
        List<string>? pseudonymised = null;
        string? previous = null;
        foreach (var field in present)
        {
            var isReleased = primary.FieldSet.Contains(field) || AnyOf(more, field, pseudonymise: false);
            if (!isReleased)
            {
                withheld.Add(field);
                continue;
            }

            if (field == previous)
            {
                continue;
            }

            previous = field;
            released.Add(field);
            if (primary.PseudonymiseSet.Contains(field) || AnyOf(more, field, pseudonymise: true))
            {
                (pseudonymised ??= []).Add(field);
            }
        }

        string[] reasons;
        Obligations obligations;
        if (more is null)
        {
            reasons = [ReferenceEquals(primaryGrounds, primary.Basis) ? primary.PermitReason : primary.PermitReasonFor(primaryGrounds)];
            obligations = primary.Flow.Obligations;
        }
        else
        {
            reasons = new string[more.Count + 1];
            reasons[0] = ReferenceEquals(primaryGrounds, primary.Basis) ? primary.PermitReason : primary.PermitReasonFor(primaryGrounds);
            int? retention = primary.Flow.Obligations.RetentionDays;
            var noOnward = primary.Flow.Obligations.OnwardSharingForbidden;
            for (var i = 0; i < more.Count; i++)
            {
                var (flow, grounds) = more[i];
                reasons[i + 1] = ReferenceEquals(grounds, flow.Basis) ? flow.PermitReason : flow.PermitReasonFor(grounds);
                if (flow.Flow.Obligations.RetentionDays is { } days)
                {
                    retention = retention is null ? days : Math.Min(retention.Value, days);
                }

                noOnward |= flow.Flow.Obligations.OnwardSharingForbidden;
            }

            obligations = new Obligations { RetentionDays = retention, OnwardSharingForbidden = noOnward };
        }

        return new Decision
        {
            Recipient = recipient,
            Outcome = DecisionOutcome.Allowed,
            AgreementId = primary.Agreement.Id,
            AgreementVersion = primary.Agreement.Version,
            FlowId = primary.Flow.Id,
            Purpose = primary.Flow.Purpose,
            LawfulBasis = primary.Basis,
            ReleasedFields = released,
            WithheldFields = withheld,
            PseudonymisedFields = pseudonymised ?? (IReadOnlyList<string>)[],
            Obligations = obligations,
            Reasons = reasons,
        };
    }

    /// <summary>A loop, not a lambda: a lambda capturing the field would allocate a closure for every present field.</summary>
    private static bool AnyOf(List<(CompiledFlow Flow, string Grounds)>? more, string field, bool pseudonymise)
    {
        if (more is null)
        {
            return false;
        }

        foreach (var (flow, _) in more)
        {
            if ((pseudonymise ? flow.PseudonymiseSet : flow.FieldSet).Contains(field))
            {
                return true;
            }
        }

        return false;
    }

    private static Decision Denied(RequestContext context, AgencyCode recipient, CompiledFlow? by, IReadOnlyList<string> reasons) => new()
    {
        Recipient = recipient,
        Outcome = DecisionOutcome.Denied,
        AgreementId = by?.Agreement.Id,
        AgreementVersion = by?.Agreement.Version,
        FlowId = by?.Flow.Id,
        Purpose = by?.Flow.Purpose,
        Reasons = reasons,
        WithheldFields = context.SortedPresent,
    };

    /// <summary>What every candidate of one request shares: computed once, not once per candidate.</summary>
    private sealed class RequestContext(DecisionRequest request)
    {
        public DecisionRequest Request { get; } = request;

        public Gateway? GatewayLimit { get; } = Gateways.Find(request.Consent.LegalGateway);

        public string[] SortedPresent { get; } = Sorted(request.PresentFields);

        private static string[] Sorted(IReadOnlyCollection<string> fields)
        {
            var array = fields.ToArray();
            Array.Sort(array, StringComparer.Ordinal);
            return array;
        }
    }

    /// <summary>One flow with everything about it that does not depend on the event, worked out once.</summary>
    private sealed class CompiledFlow(Agreement agreement, Flow flow)
    {
        public Agreement Agreement { get; } = agreement;

        public Flow Flow { get; } = flow;

        public string Reference { get; } = agreement.Reference;

        public string Basis { get; } = flow.LawfulBasis.Describe();

        public string BasisWithGateway => field ??= $"{Basis}; gateway {Flow.Gateway}";

        public string PermitReason => field ??= PermitReasonFor(Basis);

        public FrozenSet<string> FieldSet { get; } = flow.Fields.ToFrozenSet(StringComparer.Ordinal);

        public FrozenSet<string> PseudonymiseSet { get; } = flow.Pseudonymise.ToFrozenSet(StringComparer.Ordinal);

        public string PermitReasonFor(string grounds) => $"permitted by {Reference} flow {Flow.Id} for purpose {Flow.Purpose} ({grounds})";
    }
}
