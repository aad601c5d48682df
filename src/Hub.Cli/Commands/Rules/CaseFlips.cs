using Hub.Contracts.Agencies;
using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>Decides each case under two agreement sets and lists the decisions that differ (<c>hub rules diff --cases</c>).</summary>
internal static class CaseFlips
{
    public static List<CaseFlip> Find(IEnumerable<ShareCase> cases, IDecisionEngine before, IDecisionEngine after, IReadOnlyList<AgencyCode> agencies)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var flips = new List<CaseFlip>();
        foreach (var shareCase in cases)
        {
            var old = CaseRunner.Run(before, shareCase, agencies).Decisions;
            var now = CaseRunner.Run(after, shareCase, agencies).Decisions;
            foreach (var (was, becomes) in old.Zip(now))
            {
                var added = becomes.ReleasedFields.Except(was.ReleasedFields).ToList();
                var removed = was.ReleasedFields.Except(becomes.ReleasedFields).ToList();
                if (was.IsAllowed != becomes.IsAllowed || added.Count + removed.Count > 0)
                {
                    flips.Add(new CaseFlip(shareCase.Name, becomes.Recipient, was.IsAllowed, becomes.IsAllowed, added, removed));
                }
            }
        }

        return flips;
    }
}
