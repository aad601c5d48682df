using Hub.Cli.Embedded;
using Hub.Router.Ledger;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>
/// The <c>embedded</c> mode of <c>agencyhub.simulate/1</c>: per kind of probation file the rows read, published and
/// quarantined, and the router's ledger rows counted by outcome, allowed ones by recipient, event type, agreement and
/// flow, the others by outcome, recipient, event type and first reason (consent ids masked). Counts only.
/// </summary>
internal static class SimulatedRunJson
{
    public static object Of(SimulationSettings settings, SimulatedRunOutcome outcome, string ledgerPath)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var entries = outcome.Entries;
        return new
        {
            schema = SimulateJson.Schema,
            mode = "embedded",
            settings = SimulateJson.Settings(settings),
            dropFolder = outcome.ProbationRoot,
            files = outcome.Reports.GroupBy(SimulatedRunReport.KindOf).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
            {
                kind = g.Key,
                files = g.Count(),
                rows = g.Sum(r => r.Rows),
                published = g.Sum(r => r.Published),
                quarantined = g.Sum(r => r.Quarantined.Count),
            }),
            decisions = new
            {
                expected = outcome.Expected,
                rows = entries.Count,
                allowed = entries.Count(e => e.Outcome == LedgerOutcome.Allowed),
                denied = entries.Count(e => e.Outcome == LedgerOutcome.Denied),
                rejected = entries.Count(e => e.Outcome == LedgerOutcome.Rejected),
                allowedBy = entries.Where(e => e.Outcome == LedgerOutcome.Allowed)
                    .GroupBy(e => (e.Recipient, e.EventType, e.AgreementId, e.AgreementVersion, e.FlowId))
                    .OrderBy(g => $"{g.Key.Recipient} {g.Key.EventType} {g.Key.AgreementId} {g.Key.FlowId}", StringComparer.Ordinal)
                    .Select(g => new { recipient = g.Key.Recipient, eventType = g.Key.EventType, agreementId = g.Key.AgreementId, agreementVersion = g.Key.AgreementVersion, flowId = g.Key.FlowId, count = g.Count() }),
                notAllowedBy = entries.Where(e => e.Outcome != LedgerOutcome.Allowed)
                    .GroupBy(e => (Outcome: LedgerOutcomes.ToText(e.Outcome), e.Recipient, e.EventType, Reason: SimulatedRunReport.Masked(e.Reasons.Count > 0 ? e.Reasons[0] : "?")))
                    .OrderBy(g => $"{g.Key.Outcome} {g.Key.Recipient} {g.Key.EventType} {g.Key.Reason}", StringComparer.Ordinal)
                    .Select(g => new { outcome = g.Key.Outcome, recipient = g.Key.Recipient, eventType = g.Key.EventType, reason = g.Key.Reason, count = g.Count() }),
            },
            ledger = ledgerPath,
        };
    }
}
