namespace Hub.Cli.Commands.Ops;

/// <summary>Finds a dead-lettered message by its message id, holding (not removing) everything it browsed.</summary>
internal static class DeadLetterFinder
{
    /// <summary>Browsed per queue at most; an ops tool is not a bulk export.</summary>
    public const int MaxPerQueue = 10_000;

    /// <returns>
    /// The open session the message is in and the message, or null when no selected queue holds it. The caller
    /// disposes the session, which puts back whatever it did not remove.
    /// </returns>
    public static async Task<(DeadLetterSession Session, DeadLetterMessage Message, DeadLetter Letter)?> FindAsync(
        DeadLetterBroker broker, IReadOnlyList<string> queues, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(queues);
        foreach (var queue in queues)
        {
            if (await broker.DepthAsync(queue, cancellationToken) is not > 0)
            {
                continue;
            }

            var session = await broker.BrowseAsync(queue, MaxPerQueue, cancellationToken);
            foreach (var message in session.Messages)
            {
                var letter = DeadLetterReader.Read(message);
                if (string.Equals(letter.MessageId, messageId, StringComparison.OrdinalIgnoreCase))
                {
                    return (session, message, letter);
                }
            }

            await session.DisposeAsync();
        }

        return null;
    }
}
