using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Employment.V1;

/// <summary>JCP's minimal yes/no/unknown answer to an employment-status query; no benefit details (AS-10).</summary>
[EventType("employment.status.answered", Classification = DataClassification.Personal)]
public sealed record EmploymentStatusAnswered : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required Guid QueryId { get; init; }

    public required EmploymentStatus Status { get; init; }

    public required DateOnly CheckedOn { get; init; }
}
