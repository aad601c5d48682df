using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// Validates every inbound resource against base FHIR R4 before it is mapped (<see cref="FhirR4Specification"/>).
/// An error refuses the resource: one problem per issue, at the issue's FHIR path, reading
/// <c>fhir-invalid: validator issue 1028 (structure)</c>. Warnings do not refuse; they are logged with path and code.
/// A modifier extension the adapter does not understand is refused first, as <c>fhir-modifier-not-understood</c>.
/// Safe to call from several threads at once: each call validates with a Firely validator of its own
/// (<see cref="FhirR4ValidatorPool"/>).
/// </summary>
public sealed partial class FhirR4Validator(ILogger<FhirR4Validator> logger)
{
    /// <summary>A validator that logs nothing, for mappers built without a host (tests, tools, benchmarks).</summary>
    public static FhirR4Validator Unlogged { get; } = new(NullLogger<FhirR4Validator>.Instance);

    public IReadOnlyList<FhirValidationIssue> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return FhirR4ValidatorPool.With(validator => FhirValidationIssues.From(validator.Validate(resource), resource.TypeName));
    }

    /// <summary>The parsed resource if it is valid R4 (warnings logged), else its parse problems or validation errors.</summary>
    public MappingResult<T> Check<T>(MappingResult<T> parsed)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Value is not { } resource)
        {
            return parsed;
        }

        // A modifier the adapter does not understand refuses the resource under its own, more specific reason
        // (fhir-modifier-not-understood, path and url): the validator would only say it cannot resolve the extension.
        var modifiers = new FieldReader();
        Semantics.FhirModifiers.Check(resource, modifiers);
        if (modifiers.HasProblems)
        {
            return MappingResult<T>.Failure(modifiers.Problems);
        }

        var issues = Validate(resource);
        var errors = issues.Where(i => i.Severity == FhirValidationSeverity.Error).Select(i => new FieldProblem(i.Path, i.Problem)).ToList();
        if (errors.Count > 0)
        {
            return MappingResult<T>.Failure(errors);
        }

        foreach (var warning in issues)
        {
            LogWarning(logger, resource.TypeName, warning.Path, warning.Code, warning.IssueType);
        }

        return parsed;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "FHIR R4 validation warning on a {ResourceType} at {Path}: validator issue {Code} ({IssueType}); the resource is accepted")]
    private static partial void LogWarning(ILogger logger, string resourceType, string path, string code, string issueType);
}
