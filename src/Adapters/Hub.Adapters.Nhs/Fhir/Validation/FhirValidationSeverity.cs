namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>How much an issue weighs: errors refuse the resource; warnings are logged (path and code) and let it through.</summary>
public enum FhirValidationSeverity
{
    Warning,
    Error,
}
