using Hub.Sharing.Decisions;

namespace Hub.Sharing.Cases;

/// <summary>The decisions a case produced and every way they differ from what the IG lead expected.</summary>
public sealed record CaseOutcome(ShareCase Case, IReadOnlyList<Decision> Decisions, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}
