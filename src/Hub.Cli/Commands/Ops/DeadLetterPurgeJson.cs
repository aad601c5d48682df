namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq purge --format json</c>, shape <see cref="Schema"/>: the queue, the age limit, how many messages were
/// purged (each ledgered first) and kept, and the purged messages' metadata.
/// </summary>
internal static class DeadLetterPurgeJson
{
    public const string Schema = "agencyhub.ops.dlq.purge/1";

    public static object Of(string queue, string? olderThan, IReadOnlyList<DeadLetter> purged, int kept) => new
    {
        schema = Schema,
        queue,
        olderThan,
        purged = purged.Count,
        kept,
        messages = purged.Select(DeadLetterJson.Of),
    };
}
