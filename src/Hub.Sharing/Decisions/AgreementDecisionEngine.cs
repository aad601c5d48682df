using System.Collections.Frozen;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;

namespace Hub.Sharing.Decisions;

/// <summary>
/// Deny by default; an applicable forbid flow overrides every permit; a permit applies only while its agreement is
/// in force; only the union of the permitting flows' released fields leaves. Flows are indexed by
/// (source, event type, recipient) so the cost of a decision does not grow with the number of agreements.
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
        var decisions = new Decision[request.Candidates.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = DecideFor(request, request.Candidates[i]);
        }

        return decisions;
    }

    private Decision DecideFor(DecisionRequest request, AgencyCode recipient)
    {
        if (!_index.TryGetValue((request.Source.Value, request.EventType, recipient.Value), out var flows))
        {
            return Deny(request, recipient, null, null, $"no agreement has a flow sharing {request.EventType} from {request.Source} to {recipient}");
        }

        var inForce = flows.Where(f => f.Agreement.IsInForceAt(request.DecisionTime)).ToList();
        var forbid = inForce.FirstOrDefault(f => f.Flow.Effect == FlowEffect.Forbid);
        if (forbid.Flow is not null)
        {
            return Deny(request, recipient, forbid.Agreement, forbid.Flow, $"{forbid.Agreement.Reference} flow {forbid.Flow.Id} forbids {request.EventType} from {request.Source} to {recipient} (purpose {forbid.Flow.Purpose})");
        }

        var permits = inForce.Where(f => f.Flow.Effect == FlowEffect.Permit).ToList();
        if (permits.Count == 0)
        {
            var reasons = flows.Select(f => $"{f.Agreement.Reference} is not in force on {request.DecisionTime.UtcDateTime:yyyy-MM-dd} (status {f.Agreement.Status.ToString().ToLowerInvariant()}, effective {f.Agreement.Effective:yyyy-MM-dd}{(f.Agreement.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty)})")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new Decision { Recipient = recipient, Outcome = DecisionOutcome.Denied, Reasons = reasons, WithheldFields = [.. request.PresentFields.Order(StringComparer.Ordinal)] };
        }

        var primary = permits[0];
        var released = new SortedSet<string>(permits.SelectMany(p => p.Flow.Fields), StringComparer.Ordinal);
        released.IntersectWith(request.PresentFields);
        var withheld = request.PresentFields.Where(f => !released.Contains(f)).Order(StringComparer.Ordinal).ToList();
        return new Decision
        {
            Recipient = recipient,
            Outcome = DecisionOutcome.Allowed,
            AgreementId = primary.Agreement.Id,
            AgreementVersion = primary.Agreement.Version,
            FlowId = primary.Flow.Id,
            Purpose = primary.Flow.Purpose,
            LawfulBasis = primary.Flow.LawfulBasis,
            ReleasedFields = [.. released],
            WithheldFields = withheld,
            Obligations = MostRestrictive(permits.Select(p => p.Flow)),
            Reasons = [.. permits.Select(p => $"permitted by {p.Agreement.Reference} flow {p.Flow.Id} for purpose {p.Flow.Purpose}")],
        };
    }

    private static Decision Deny(DecisionRequest request, AgencyCode recipient, Agreement? agreement, Flow? flow, string reason) => new()
    {
        Recipient = recipient,
        Outcome = DecisionOutcome.Denied,
        AgreementId = agreement?.Id,
        AgreementVersion = agreement?.Version,
        FlowId = flow?.Id,
        Purpose = flow?.Purpose,
        Reasons = [reason],
        WithheldFields = [.. request.PresentFields.Order(StringComparer.Ordinal)],
    };

    private static Contracts.Delivery.V1.Obligations MostRestrictive(IEnumerable<Flow> flows)
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

        return new Contracts.Delivery.V1.Obligations { RetentionDays = retention, OnwardSharingForbidden = noOnward };
    }
}
