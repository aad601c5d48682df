using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Employment.V1;

/// <summary>A job-outcome provider asks whether a participant is still in work at 26 or 52 weeks (F-15, AS-10).</summary>
[EventType("employment.status.queried", Classification = DataClassification.Personal)]
public sealed record EmploymentStatusQueried : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required Guid QueryId { get; init; }

    public required DateOnly JobStartDate { get; init; }

    /// <summary>26 or 52.</summary>
    public required int CheckpointWeeks { get; init; }

    [Code]
    public required string RequestingProvider { get; init; }
}
