using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Assessment.V1;

/// <summary>Core common data of an offender assessment (OASys-style), passported so others need not re-assess (F-06).</summary>
[EventType("assessment.common.completed", Classification = DataClassification.CriminalOffence)]
public sealed record CommonAssessmentCompleted : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string AssessmentId { get; init; }

    /// <summary>The instrument used, e.g. <c>OASys</c>.</summary>
    public required string Instrument { get; init; }

    public required DateOnly CompletedOn { get; init; }

    public required RiskLevel RiskOfHarm { get; init; }

    public bool? AccommodationNeed { get; init; }

    public bool? EmploymentNeed { get; init; }

    [SpecialCategory]
    public bool? SubstanceMisuseNeed { get; init; }

    [SpecialCategory]
    public bool? MentalHealthHistory { get; init; }
}
