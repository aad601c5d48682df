using System.Diagnostics;
using Hub.Contracts.Agencies;
using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// Runs a case with <see cref="CaseRunner"/> and splits its result by recipient: each expectation is also run alone,
/// so every difference is attributed to its recipient by the runner itself, not by reading its wording.
/// </summary>
internal static class CaseResults
{
    public static CaseResult Run(IDecisionEngine engine, ShareCase shareCase, IReadOnlyList<AgencyCode> agencies)
    {
        ArgumentNullException.ThrowIfNull(shareCase);
        var clock = Stopwatch.StartNew();
        var outcome = CaseRunner.Run(engine, shareCase, agencies);
        var elapsed = clock.Elapsed;
        var checks = shareCase.Expect
            .OrderBy(e => e.Key.Value, StringComparer.Ordinal)
            .Select(e => new CaseCheck(
                e.Key,
                e.Value,
                outcome.Decisions.FirstOrDefault(d => d.Recipient == e.Key),
                CaseRunner.Run(engine, shareCase with { Expect = new Dictionary<AgencyCode, ExpectedDecision> { [e.Key] = e.Value } }, agencies).Differences))
            .ToList();
        return new CaseResult(shareCase, outcome, checks, elapsed);
    }
}
