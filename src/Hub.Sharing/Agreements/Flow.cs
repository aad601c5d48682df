using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Sharing.Agreements;

/// <summary>One clause of an agreement: who may send which events to whom, why, on what basis, and which fields.</summary>
public sealed record Flow
{
    public required string Id { get; init; }

    public required FlowEffect Effect { get; init; }

    public required AgencyCode Source { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public required IReadOnlyList<AgencyCode> Recipients { get; init; }

    public required string Purpose { get; init; }

    public required string LawfulBasis { get; init; }

    public required IReadOnlyList<string> Fields { get; init; }

    public required Obligations Obligations { get; init; }
}
