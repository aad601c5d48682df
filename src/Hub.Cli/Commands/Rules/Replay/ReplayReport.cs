namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>What <c>hub rules replay</c> found: how many recorded decisions were replayed, which would change, and which could not be decided.</summary>
internal sealed record ReplayReport
{
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset Until { get; init; }

    public required string DraftHash { get; init; }

    public required int Events { get; init; }

    public required int Decisions { get; init; }

    public required int Unchanged { get; init; }

    public required IReadOnlyList<ReplayChange> Changes { get; init; }

    public required IReadOnlyList<ReplayUndecided> Undecided { get; init; }
}
