using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// The Firely validator against base FHIR R4 (the specification.zip of <c>Hl7.Fhir.Specification.Data.R4</c>,
/// offline), strict: the best-practice invariant dom-6 (a resource should have narrative), which Firely leaves out
/// by default, is checked too. A UK Core profile named in <c>meta.profile</c> cannot be resolved offline: the
/// selector drops exactly the ones listed in <see cref="NotResolvable"/>, so their conformance is not checked here.
/// </summary>
internal static class BaseR4Validation
{
    private static readonly Lazy<Validator> Validator = new(Create);

    public static IReadOnlyCollection<string> NotResolvable { get; } = [Hub.Adapters.Nhs.Fhir.UkCoreProfiles.Communication];

    /// <summary>Every error and warning, as <c>severity code location: text</c>.</summary>
    public static List<string> Issues(Resource resource)
    {
        var outcome = Validator.Value.Validate(resource, ModelInfo.CanonicalUriForFhirCoreType(resource.TypeName).Value);
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal or OperationOutcome.IssueSeverity.Warning)
            .Select(i => $"{i.Severity} {i.Code} {string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }

    private static Validator Create()
    {
        // The adapter's own reader of specification.zip: a second ZipSource would unpack to the same cache folder at the same time.
        var source = Hub.Adapters.Nhs.Fhir.Validation.FhirR4Specification.Resolver;
        var settings = new ValidationSettings
        {
            SelectValidationProfiles = (_, profiles, _, _) => [.. profiles.Where(p => !NotResolvable.Contains(p.ToString()))],
        };
        settings.ExcludeFilters.Clear();
        return new Validator(source, new LocalTerminologyService(source), null, settings);
    }
}
