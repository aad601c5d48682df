using Hub.Contracts.Agencies;

namespace Hub.Contracts.Delivery.V1;

/// <summary>
/// A recipient's answer to <see cref="RecallRequested"/>, published through its own submit exchange
/// (<c>hub.submit.&lt;agency&gt;</c>). The router believes the queue it arrived on, not <see cref="Recipient"/>.
/// </summary>
public sealed record RecallAcknowledged
{
    public required Guid RecallId { get; init; }

    public required AgencyCode Recipient { get; init; }

    public required DateTimeOffset AcknowledgedAt { get; init; }

    /// <summary>Deliveries the recipient erased or restricted.</summary>
    public required IReadOnlyList<Guid> Erased { get; init; }

    /// <summary>Deliveries the recipient no longer held (already erased, or never stored).</summary>
    public IReadOnlyList<Guid> NotHeld { get; init; } = [];
}
