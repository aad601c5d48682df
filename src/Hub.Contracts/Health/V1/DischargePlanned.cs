using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Contracts.Temporal;

namespace Hub.Contracts.Health.V1;

/// <summary>A hospital plans a discharge that needs social-care or GP follow-up (AS-15; FHIR Encounter upstream).</summary>
[EventType("health.discharge.planned", Classification = DataClassification.SpecialCategoryHealth)]
public sealed record DischargePlanned : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string EncounterId { get; init; }

    /// <summary>ODS code of the discharging organisation.</summary>
    public required string Organisation { get; init; }

    public required DateTimeOffset PlannedDischargeAt { get; init; }

    /// <summary>Set when the planned discharge was given only to the year, month or day; absent when it has a time.</summary>
    public DateTimePrecision? PlannedDischargeAtPrecision { get; init; }

    /// <summary>ODS code of the registered GP practice.</summary>
    public string? GpPractice { get; init; }

    public string? DischargeAddress { get; init; }

    public bool? MentalHealthNeeds { get; init; }

    public bool? CarePackageRequired { get; init; }

    public string? ClinicalSummary { get; init; }
}
