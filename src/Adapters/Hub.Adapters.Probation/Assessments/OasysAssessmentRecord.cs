namespace Hub.Adapters.Probation.Assessments;

/// <summary>
/// An OASys-style assessment export (JSON): the offender's identifiers, the risk-of-serious-harm summary and the
/// criminogenic need sections with their "linked to risk" flags. Only the core common data is ever shared.
/// </summary>
public sealed class OasysAssessmentRecord
{
    public string? AssessmentPk { get; set; }

    public string? AssessmentType { get; set; }

    public string? CompletedAt { get; set; }

    public OasysOffender? Offender { get; set; }

    /// <summary><c>LOW</c>, <c>MEDIUM</c>, <c>HIGH</c> or <c>VERY_HIGH</c>.</summary>
    public string? RoshSummary { get; set; }

    public IReadOnlyList<OasysSection> Sections { get; set; } = [];

    /// <summary>Consent the person gave for this assessment to be passported, if any.</summary>
    public OasysConsent? Consent { get; set; }
}
