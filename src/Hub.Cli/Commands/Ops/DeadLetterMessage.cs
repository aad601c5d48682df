namespace Hub.Cli.Commands.Ops;

/// <summary>
/// A message as taken from a dead-letter queue, before anything is made of it. The body and the headers may hold
/// personal data: only <see cref="DeadLetterReader"/> looks at them, and only <see cref="PayloadPrinter"/> prints the body.
/// </summary>
public sealed record DeadLetterMessage(
    string Queue,
    string? MessageId,
    DateTimeOffset? Timestamp,
    IReadOnlyDictionary<string, object?> Headers,
    ReadOnlyMemory<byte> Body,
    bool Redelivered)
{
    /// <summary>The AMQP content type, kept so a replayed copy is read the same way.</summary>
    public string? ContentType { get; init; }
}
