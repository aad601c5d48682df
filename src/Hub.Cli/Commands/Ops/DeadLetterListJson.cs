namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq list --format json</c>, shape <see cref="Schema"/>: per dead-letter queue whether it is declared, its
/// depth, the messages browsed (metadata only) and whether the list was cut at <c>--limit</c>; the total listed.
/// </summary>
internal static class DeadLetterListJson
{
    public const string Schema = "agencyhub.ops.dlq.list/1";

    public static object Of(IReadOnlyList<object> queues, int listed) => new { schema = Schema, listed, queues };

    public static object Queue(string queue, uint? depth, IReadOnlyList<DeadLetter> letters) => new
    {
        queue,
        declared = depth is not null,
        depth = depth ?? 0,
        truncated = depth > letters.Count,
        messages = letters.Select(DeadLetterJson.Of),
    };
}
