using Hl7.Fhir.Model;

namespace Hub.Adapters.Nhs.Fhir.Codings;

/// <summary>Codes read from a CodeableConcept by code system.</summary>
public static class FhirCodes
{
    /// <summary>The code of the first coding in <paramref name="system"/>, or null.</summary>
    public static string? In(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system && !string.IsNullOrWhiteSpace(c.Code))?.Code;
}
