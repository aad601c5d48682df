using Hub.Contracts.Agencies;

namespace Hub.Contracts.Delivery.V1;

/// <summary>One delivery a recall names: the ids the recipient stored it under, never its content.</summary>
public sealed record RecalledDelivery
{
    public required Guid DeliveryId { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required AgencyCode Source { get; init; }
}
