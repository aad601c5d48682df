using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>The issues of the validator's <see cref="OperationOutcome"/>, reduced to path and code (no messages, no values).</summary>
public static class FhirValidationIssues
{
    /// <summary>The reason code of a resource refused because it is not valid base FHIR R4.</summary>
    public const string ReasonCode = "fhir-invalid";

    /// <summary>Issue code when the validator gave none (its details coding is missing).</summary>
    private const string Unknown = "unknown";

    public static IReadOnlyList<FhirValidationIssue> From(OperationOutcome outcome, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var issues = new List<FhirValidationIssue>();
        foreach (var issue in outcome.Issue)
        {
            var severity = issue.Severity switch
            {
                OperationOutcome.IssueSeverity.Fatal or OperationOutcome.IssueSeverity.Error => FhirValidationSeverity.Error,
                OperationOutcome.IssueSeverity.Warning => FhirValidationSeverity.Warning,
                _ => (FhirValidationSeverity?)null,
            };
            if (severity is null)
            {
                continue;
            }

            var code = issue.Details?.Coding.FirstOrDefault()?.Code ?? Unknown;
            var type = issue.Code?.GetLiteral() ?? Unknown;
            var candidate = new FhirValidationIssue(severity.Value, PathOf(issue, resourceType), code, type);
            if (!issues.Contains(candidate))
            {
                issues.Add(candidate);
            }
        }

        return issues;
    }

    /// <summary>The issue's FHIRPath expression, else its location; the resource type alone when it has neither.</summary>
    private static string PathOf(OperationOutcome.IssueComponent issue, string resourceType) =>
        issue.Expression.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))
        ?? issue.Location.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))
        ?? resourceType;
}
