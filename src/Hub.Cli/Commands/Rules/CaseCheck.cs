using Hub.Contracts.Agencies;
using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// One recipient's expectation in a case and what the engine decided for it (null when the recipient is not a
/// candidate), with the differences <see cref="CaseRunner"/> reports for that recipient alone.
/// </summary>
internal sealed record CaseCheck(AgencyCode Recipient, ExpectedDecision Expected, Decision? Actual, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}
