namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>Recorded decisions the replay could not decide from the ledger, grouped by recipient, event type and why.</summary>
internal sealed record ReplayUndecided
{
    public required string Recipient { get; init; }

    public required string EventType { get; init; }

    public required string Reason { get; init; }

    public required int Count { get; init; }
}
