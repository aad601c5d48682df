using Hub.Contracts.Agencies;
using Hub.Router.Ledger;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// Decides each recorded event again with the real engine compiled from the draft set, for the recipients it was
/// decided for, and compares each decision with the recorded one. A share whose inputs the ledger lacks is counted
/// as undecided, with the reason (<see cref="ReplayDependencies"/>), as is an event its source had retracted before it
/// was decided (<see cref="ReplayRetractions"/>): no agreement decided it.
/// </summary>
internal static class ReplayRunner
{
    public static ReplayReport Run(AgreementSet draft, IReadOnlyList<RecordedEvent> events, ReplayConsents consents, ReplayRetractions retractions, DateTimeOffset since, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(retractions);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(events);
        var engine = new AgreementDecisionEngine(draft);
        var changes = new Dictionary<(string, string, string, string, string, string, string), (ReplayChange Change, int Count)>();
        var undecided = new Dictionary<(string, string, string), int>();
        int decisions = 0, unchanged = 0;
        foreach (var recorded in events)
        {
            var facts = RecordedRequest.FactFields(recorded);
            var decidable = new List<LedgerEntry>(recorded.Rows.Count);
            var retracted = retractions.RetractedBeforeDecided(recorded);
            foreach (var row in recorded.Rows)
            {
                decisions++;
                if ((retracted ? ReplayRetractions.Reason : ReplayDependencies.Missing(draft, recorded, row.Recipient!, facts, consents)) is { } reason)
                {
                    var key = (row.Recipient!, row.EventType!, reason);
                    undecided[key] = undecided.GetValueOrDefault(key) + 1;
                }
                else
                {
                    decidable.Add(row);
                }
            }

            if (decidable.Count == 0)
            {
                continue;
            }

            var request = RecordedRequest.Build(recorded, [.. decidable.Select(r => new AgencyCode(r.Recipient!))], consents);
            foreach (var (row, decision) in decidable.Zip(engine.Decide(request)))
            {
                if (Compare(row, decision) is not { } change)
                {
                    unchanged++;
                    continue;
                }

                var key = (change.Recipient, change.EventType, change.Flow, change.Was, change.WouldBe, string.Join(',', change.FieldsAdded), string.Join(',', change.FieldsRemoved));
                changes[key] = (change, changes.TryGetValue(key, out var seen) ? seen.Count + 1 : 1);
            }
        }

        return new ReplayReport
        {
            Since = since,
            Until = until,
            DraftHash = draft.Hash,
            Events = events.Count,
            Decisions = decisions,
            Unchanged = unchanged,
            Changes = [.. changes.OrderBy(c => c.Key).Select(c => c.Value.Change with { Count = c.Value.Count })],
            Undecided = [.. undecided.OrderBy(u => u.Key).Select(u => new ReplayUndecided { Recipient = u.Key.Item1, EventType = u.Key.Item2, Reason = u.Key.Item3, Count = u.Value })],
        };
    }

    /// <summary>The change from the recorded decision to the draft's, or null when it is the same (outcome, flow and fields released).</summary>
    private static ReplayChange? Compare(LedgerEntry row, Decision decision)
    {
        var wasAllowed = row.Outcome == LedgerOutcome.Allowed;
        var recordedFlow = row.AgreementId is null ? null : $"{row.AgreementId}@{row.AgreementVersion}/{row.FlowId}";
        var draftFlow = decision.AgreementId is null ? null : $"{decision.AgreementId}@{decision.AgreementVersion}/{decision.FlowId}";
        // Field changes are listed for a share that leaves either way, and for a denial that would now leave (what would go).
        var added = decision.ReleasedFields.Except(row.ReleasedFields, StringComparer.Ordinal).ToList();
        List<string> removed = wasAllowed && decision.IsAllowed ? [.. row.ReleasedFields.Except(decision.ReleasedFields, StringComparer.Ordinal)] : [];
        var flowMoved = wasAllowed && decision.IsAllowed && recordedFlow != draftFlow;
        if (wasAllowed == decision.IsAllowed && (!wasAllowed || (added.Count == 0 && removed.Count == 0)) && !flowMoved)
        {
            return null;
        }

        return new ReplayChange
        {
            Recipient = row.Recipient!,
            EventType = row.EventType!,
            Flow = draftFlow ?? recordedFlow ?? "-",
            Was = wasAllowed ? (flowMoved ? $"allowed under {recordedFlow}" : "allowed") : "denied",
            WouldBe = decision.IsAllowed ? "allowed" : "denied",
            FieldsAdded = added,
            FieldsRemoved = removed,
            Count = 1,
        };
    }
}
