namespace Hub.Cli.Commands.Audit;

/// <summary>
/// What <c>hub audit verify --anchors</c> found, for <c>--format json</c>: <c>ok</c>, <c>diverge</c> (at
/// <see cref="DivergentSeal"/>) or <c>unreadable</c>, with counts and the reason in words.
/// </summary>
internal sealed record AnchorReport(string State, long AnchorsChecked, long? SealsAfterLastAnchor, long? DivergentSeal, string? Detail);
