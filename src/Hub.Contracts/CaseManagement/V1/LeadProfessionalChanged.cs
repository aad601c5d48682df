using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.CaseManagement.V1;

/// <summary>Supervision or lead-professional responsibility moves between agencies (F-07).</summary>
[EventType("case.lead-professional.changed", Classification = DataClassification.CriminalOffence)]
public sealed record LeadProfessionalChanged : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required AgencyCode PreviousLeadAgency { get; init; }

    public required AgencyCode NewLeadAgency { get; init; }

    /// <summary>Role or team of the new lead professional (not a personal name).</summary>
    public required string NewLeadRole { get; init; }

    public required DateTimeOffset EffectiveFrom { get; init; }

    public string? Reason { get; init; }
}
