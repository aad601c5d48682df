using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Consent.V1;

/// <summary>A person has given consent for named purposes and recipients (F-10, F-28).</summary>
[EventType("consent.recorded", Classification = DataClassification.Personal)]
public sealed record ConsentRecorded : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string ConsentId { get; init; }

    public required IReadOnlyList<string> Purposes { get; init; }

    public IReadOnlyList<AgencyCode> Recipients { get; init; } = [];

    /// <summary>When set, the consent covers every party to this agreement instead of named recipients.</summary>
    public string? AgreementId { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the signed form or recording is held, e.g. a document reference in the source system.</summary>
    public required string EvidenceRef { get; init; }
}
