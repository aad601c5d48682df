namespace Hub.Cli.Commands.Ops;

/// <summary>
/// What happened to one message <see cref="DeadLetterReplayer"/> was given: sent to the router (with what it said, as
/// the text format prints it) or left in place (the reason went to stderr), and any note about an earlier decision.
/// </summary>
internal sealed record ReplayResult(DeadLetter Letter, bool Replayed, string? Detail, string? Note);
