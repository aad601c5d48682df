namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq replay --format json</c>, shape <see cref="Schema"/>: how many messages were sent to the router and how
/// many were left in place, and per message its metadata, whether it was sent, what the router was asked, and any note.
/// </summary>
internal static class DeadLetterReplayJson
{
    public const string Schema = "agencyhub.ops.dlq.replay/1";

    public static object Of(IReadOnlyList<ReplayResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new
        {
            schema = Schema,
            replayed = results.Count(r => r.Replayed),
            leftInPlace = results.Count(r => !r.Replayed),
            messages = results.Select(r => new { replayed = r.Replayed, detail = r.Detail, note = r.Note, message = DeadLetterJson.Of(r.Letter) }),
        };
    }
}
