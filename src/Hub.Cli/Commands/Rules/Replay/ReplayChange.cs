namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>Recorded decisions that the draft would decide differently, grouped: recipient, event type, flow, was → would be.</summary>
internal sealed record ReplayChange
{
    public required string Recipient { get; init; }

    public required string EventType { get; init; }

    /// <summary>agreement@version/flow the draft decides under (else the recorded one), or "-".</summary>
    public required string Flow { get; init; }

    /// <summary>The recorded decision: <c>allowed under X</c> or <c>denied</c>.</summary>
    public required string Was { get; init; }

    public required string WouldBe { get; init; }

    public IReadOnlyList<string> FieldsAdded { get; init; } = [];

    public IReadOnlyList<string> FieldsRemoved { get; init; } = [];

    public required int Count { get; init; }
}
