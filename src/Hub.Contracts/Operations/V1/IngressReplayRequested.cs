namespace Hub.Contracts.Operations.V1;

/// <summary>
/// An operator asks the router to send a dead-lettered ingress message back through its ingress queue (<c>hub ops dlq
/// replay</c>), published to <c>hub.operate</c>. It names the message only: the router takes it from its own
/// dead-letter queue and re-publishes it, byte for byte with its message id, so it is decided again under the policy in
/// force now. The operator's broker user writes no submit exchange (docs/adr/0012).
/// </summary>
public sealed record IngressReplayRequested
{
    /// <summary>Idempotency key: a redelivered request writes no second ledger row.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The dead-lettered message's id, as <c>hub ops dlq list</c> shows it.</summary>
    public required Guid MessageId { get; init; }

    /// <summary>The ingress dead-letter queue it is in: <c>hub.ingress.&lt;agency&gt;_error</c> or <c>_skipped</c>.</summary>
    public required string FromQueue { get; init; }

    /// <summary>Who asked: the operator's account name, as ledgered by the command.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
