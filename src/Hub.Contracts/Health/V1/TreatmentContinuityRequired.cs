using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Health.V1;

/// <summary>A prison drugs team needs community treatment to continue a prescription on release (F-04, AS-04).</summary>
[EventType("health.treatment-continuity.required", Classification = DataClassification.SpecialCategoryHealth)]
public sealed record TreatmentContinuityRequired : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    /// <summary>e.g. opioid substitution therapy.</summary>
    public required string Regime { get; init; }

    public string? Medication { get; init; }

    public decimal? DailyDoseMg { get; init; }

    public DateTimeOffset? LastDoseAt { get; init; }

    public bool TreatmentHandoverInPlace { get; init; }
}
