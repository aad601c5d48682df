using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Recalls;

/// <summary>One recall as the router tracks it: why, to whom, which deliveries, and whether acknowledged.</summary>
public sealed record RecallNotice
{
    public required Guid RecallId { get; init; }

    public required RecallCause Cause { get; init; }

    /// <summary>For a retraction, its reason code (<c>entered-in-error</c>, <c>withdrawn-by-source</c>); null for a consent withdrawal.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The withdrawn consent; empty for a retraction's recall.</summary>
    public string ConsentId => Cause.ConsentId;

    /// <summary>The source's <c>health.record.retracted</c> event this recall carries out, if it is a retraction's.</summary>
    public Guid? RetractionId => Cause.RetractionId;

    public required string Recipient { get; init; }

    /// <summary>When the cause took effect: the withdrawal's effective instant, or when the source retracted.</summary>
    public required DateTimeOffset WithdrawnAt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required IReadOnlyList<RecalledDelivery> Deliveries { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Deliveries the recipient reported erased or restricted, and those it no longer held.</summary>
    public int? Erased { get; init; }

    public int? NotHeld { get; init; }
}
