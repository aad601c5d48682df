using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Custody.V1;

/// <summary>A prison has set a release date (F-01). Published by probation/HMPPS.</summary>
[EventType("custody.release.scheduled", Classification = DataClassification.CriminalOffence)]
public sealed record ReleaseScheduled : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    /// <summary>Releasing establishment, e.g. <c>HMP Belmarsh</c>.</summary>
    public required string Establishment { get; init; }

    public required SentenceBand SentenceBand { get; init; }

    /// <summary>Local authority responsible for resettlement (AS-03: not the prison's location).</summary>
    [Code]
    public required string ResettlementArea { get; init; }

    public string? AddressOnRelease { get; init; }

    /// <summary>MAPPA, PPO, IOM or none (F-11).</summary>
    [Code]
    public string? CohortTier { get; init; }

    [SpecialCategory]
    public bool? SubstanceMisuseFlag { get; init; }

    [SpecialCategory]
    public bool? MentalHealthFlag { get; init; }

    public string? LeadProfessional { get; init; }
}
