using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Recalls;

/// <summary>One recall as the router tracks it: to whom, which deliveries, under which consent, and whether acknowledged.</summary>
public sealed record RecallNotice
{
    public required Guid RecallId { get; init; }

    /// <summary>The withdrawn consent; empty for a retraction's recall.</summary>
    public required string ConsentId { get; init; }

    /// <summary>The source's <c>health.record.retracted</c> event this recall carries out, if it is a retraction's.</summary>
    public Guid? RetractionId { get; init; }

    public required string Recipient { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required IReadOnlyList<RecalledDelivery> Deliveries { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Deliveries the recipient reported erased or restricted, and those it no longer held.</summary>
    public int? Erased { get; init; }

    public int? NotHeld { get; init; }
}
