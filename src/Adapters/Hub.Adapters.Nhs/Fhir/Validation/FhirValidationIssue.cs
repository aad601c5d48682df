namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// One issue the validator raised: where (the FHIR path) and which check (the validator's issue code, e.g.
/// <c>1028</c>, and the FHIR issue type, e.g. <c>structure</c>). Never the validator's message, which can quote values.
/// </summary>
public sealed record FhirValidationIssue(FhirValidationSeverity Severity, string Path, string Code, string IssueType)
{
    /// <summary>What a refused resource's problem says after its path: the reason code, then the issue code and type.</summary>
    public string Problem => $"{FhirValidationIssues.ReasonCode}: validator issue {Code} ({IssueType})";
}
