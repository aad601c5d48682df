namespace Hub.Cli.Commands.Ops;

/// <summary>One line of an event's journey, with the lines that explain it.</summary>
public sealed record TraceStep(DateTimeOffset? At, string What, IReadOnlyList<string> Details);
