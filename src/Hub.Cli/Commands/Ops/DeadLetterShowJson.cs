namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq show --format json</c>, shape <see cref="Schema"/>: one message's metadata and, only with
/// <c>--payload --reason</c> and after the ledger has recorded the access, its payload.
/// </summary>
internal static class DeadLetterShowJson
{
    public const string Schema = "agencyhub.ops.dlq.show/1";

    public static object Of(DeadLetter letter, object? payload) => new
    {
        schema = Schema,
        message = DeadLetterJson.Of(letter),
        payloadShown = payload is not null,
        payload,
    };
}
