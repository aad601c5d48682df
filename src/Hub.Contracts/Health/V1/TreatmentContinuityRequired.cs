using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Contracts.Measures;

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

    /// <summary>The dose in mg, set only when the sent unit converts to mg exactly (a mass); see <see cref="DailyDose"/>.</summary>
    public decimal? DailyDoseMg { get; init; }

    /// <summary>The dose as sent, in its UCUM unit (e.g. <c>mL</c> of a solution, which no concentration-free conversion makes mg).</summary>
    public UcumQuantity? DailyDose { get; init; }

    public DateTimeOffset? LastDoseAt { get; init; }

    public bool TreatmentHandoverInPlace { get; init; }
}
