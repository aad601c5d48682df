namespace Hub.Contracts.Operations.V1;

/// <summary>
/// An operator asks the router to send a dead-lettered delivery again (<c>hub ops dlq replay</c>), published to
/// <c>hub.operate</c>. It names the delivery only: the router re-checks the delivery it recorded in its own outbox
/// under the agreements and consents in force now, and never sends a body an operator supplied (docs/adr/0012).
/// </summary>
public sealed record DeliveryReplayRequested
{
    /// <summary>Idempotency key: a redelivered request writes no second ledger row.</summary>
    public required Guid RequestId { get; init; }

    public required Guid DeliveryId { get; init; }

    /// <summary>Who asked: the operator's account name, as ledgered by the command.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The dead-letter queue the delivery was taken from.</summary>
    public required string FromQueue { get; init; }
}
