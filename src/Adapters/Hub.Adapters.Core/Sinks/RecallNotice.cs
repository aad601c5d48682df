using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Sinks;

/// <summary>What the webhook posts and the drop folder writes for a recall: ids and reason, never personal data.</summary>
public sealed record RecallNotice
{
    public required Guid RecallId { get; init; }

    public required string Recipient { get; init; }

    public required string ConsentRef { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required IReadOnlyList<Guid> DeliveryIds { get; init; }

    public required string Reason { get; init; }

    /// <summary>The source's retraction this recall carries out (docs/adr/0020); null for a consent withdrawal's.</summary>
    public Guid? RetractionRef { get; init; }

    public static RecallNotice From(RecallRequested recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return new RecallNotice
        {
            RecallId = recall.RecallId,
            Recipient = recall.Recipient.Value,
            ConsentRef = recall.ConsentRef,
            WithdrawnAt = recall.WithdrawnAt,
            RequestedAt = recall.RequestedAt,
            DeliveryIds = [.. recall.Deliveries.Select(d => d.DeliveryId)],
            Reason = recall.Reason,
            RetractionRef = recall.RetractionRef,
        };
    }
}
