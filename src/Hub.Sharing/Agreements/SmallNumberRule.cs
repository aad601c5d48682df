namespace Hub.Sharing.Agreements;

/// <summary>
/// Small-number disclosure control for an aggregate flow (the ONS / NHS statistical disclosure convention): a count
/// from 1 to <see cref="Threshold"/> - 1 could identify a person, so the flow either suppresses it or does not apply.
/// A count is any whole number in a released field, at any depth; zero and larger counts are not small.
/// </summary>
public sealed record SmallNumberRule(int Threshold, SmallNumberAction Action)
{
    public string Describe() => $"counts from 1 to {Threshold - 1} are {(Action == SmallNumberAction.Suppress ? "suppressed" : "refused")}";
}
