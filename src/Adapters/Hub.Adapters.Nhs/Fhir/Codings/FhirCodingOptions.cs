namespace Hub.Adapters.Nhs.Fhir.Codings;

/// <summary>
/// The code system each mapped coded field is read from (<c>Adapter:Fhir:Codings</c>): a coding is chosen by its
/// <c>system</c>, never by its position, so a sender may put a SNOMED CT or local coding first. Defaults are the
/// hub's own systems (<see cref="FhirSystems"/>).
/// </summary>
public sealed class FhirCodingOptions
{
    public const string Section = "Adapter:Fhir:Codings";

    /// <summary><c>ServiceRequest.code</c>: the employment-support programme.</summary>
    public string ReferralProgramme { get; set; } = FhirSystems.Programme;

    /// <summary><c>ServiceRequest.orderDetail</c>: one support need each.</summary>
    public string ReferralSupportNeed { get; set; } = FhirSystems.SupportNeed;

    /// <summary><c>MedicationRequest.category</c>: the treatment regime, when no category has text.</summary>
    public string TreatmentRegime { get; set; } = FhirSystems.TreatmentRegime;

    /// <summary><c>MeasureReport.group.code</c>: the performance indicator.</summary>
    public string PerformanceIndicator { get; set; } = FhirSystems.PerformanceIndicator;
}
