using Hub.Sharing.Cases;

namespace Hub.Cli.Commands.Rules;

/// <summary>A case as <c>hub rules test</c> ran it: the outcome, each recipient's check, and how long deciding took.</summary>
internal sealed record CaseResult(ShareCase Case, CaseOutcome Outcome, IReadOnlyList<CaseCheck> Checks, TimeSpan Elapsed)
{
    public bool Passed => Outcome.Passed;
}
