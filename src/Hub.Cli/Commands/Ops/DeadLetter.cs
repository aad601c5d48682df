namespace Hub.Cli.Commands.Ops;

/// <summary>
/// What an operator may see of a dead-lettered message: identifiers, codes, types and times, each checked against
/// the shape it must have (a GUID, an agency code, a catalogue event type, a .NET type name), so nothing from the
/// payload or from a free-text header can pass through. Null where the message did not carry a well-formed value.
/// </summary>
public sealed record DeadLetter
{
    public required string Queue { get; init; }

    public required DeadLetterKind Kind { get; init; }

    /// <summary>The agency whose ingress or delivery queue this dead-letter queue belongs to.</summary>
    public required string Agency { get; init; }

    public string? MessageId { get; init; }

    public Guid? EventId { get; init; }

    public Guid? DeliveryId { get; init; }

    public string? Source { get; init; }

    public string? Recipient { get; init; }

    public string? EventType { get; init; }

    /// <summary>The message type URN, when it is not a known event or delivery (an unknown type in a <c>_skipped</c> queue).</summary>
    public string? MessageType { get; init; }

    /// <summary>The queue the message failed on (from MassTransit's fault headers).</summary>
    public string? FailedOn { get; init; }

    public string? ExceptionType { get; init; }

    /// <summary>The router's rejection code, when the failure was the router's own refusal.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>
    /// The router's rejection reason. Shown only for the router's own refusals (<c>IngressRejectedException</c>), whose
    /// reasons name fields and never their values (the same text is in the ledger); every other fault message is
    /// withheld, because exception messages from drivers, sinks and serializers can quote data.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>True when the message carried a fault message that is not shown.</summary>
    public bool FaultMessageWithheld { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public int? RetryCount { get; init; }

    public int? RedeliveryCount { get; init; }

    public required int BodyBytes { get; init; }

    /// <summary>SHA-256 of the body: ties a replayed or purged message to its ledger row without storing the payload.</summary>
    public required string BodySha256 { get; init; }
}
