namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// Reason codes that lead a problem's text when the adapter refuses a resource for what it means rather than for
/// how it is written. Quarantine reports read <c>MedicationRequest.status: fhir-not-actionable (...)</c>: the FHIR
/// path and the code, never the element's value.
/// </summary>
public static class FhirReasonCodes
{
    /// <summary>The resource's <c>status</c>, <c>intent</c> or <c>doNotPerform</c> says it is not to be acted on (R4): nothing is shared.</summary>
    public const string NotActionable = "fhir-not-actionable";

    /// <summary>A <c>modifierExtension</c> (or <c>implicitRules</c>) the adapter does not understand: R4 forbids acting on the resource.</summary>
    public const string ModifierNotUnderstood = "fhir-modifier-not-understood";
}
