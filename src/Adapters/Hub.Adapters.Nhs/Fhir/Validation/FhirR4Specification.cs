using Firely.Fhir.Validation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// The base FHIR R4 specification (<c>Hl7.Fhir.Specification.Data.R4</c>'s <c>specification.zip</c>, copied beside the
/// adapter) and Firely validators compiled over it. The zip is read by one <see cref="ZipSource"/> per process, loaded
/// on first use (Firely documents it as thread-safe), and each definition is parsed once, into a cache the validators
/// share. A <see cref="Validator"/> is not safe to share between threads (its definitions are corrected in place while
/// schemas compile), so each one resolves through copies of its own (<see cref="DefinitionCopies"/>) and is used by one
/// thread at a time (<see cref="FhirR4ValidatorPool"/>).
/// </summary>
public static class FhirR4Specification
{
    private static readonly Lazy<ZipSource> SharedSource = new(
        () => new ZipSource(Path.Combine(AppContext.BaseDirectory, "specification.zip")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<CachedResolver> SharedResolver = new(() => new CachedResolver(Source), LazyThreadSafetyMode.ExecutionAndPublication);

    // Only DefinitionCopies reads it, so nothing ever changes the definitions it holds.
    private static readonly Lazy<CachedResolver> Definitions = new(() => new CachedResolver(Source), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The one reader of the specification in this process. ZipSource unpacks the zip to a shared cache folder on first
    /// use, so a second reader created alongside would race it; every resolver here reads through this one.
    /// </summary>
    public static ZipSource Source => SharedSource.Value;

    /// <summary>A cached resolver over <see cref="Source"/> for validators that are not pooled (tests' own), apart from the pool's definitions.</summary>
    public static CachedResolver Resolver => SharedResolver.Value;

    /// <summary>Where base R4's own profiles live; a <c>meta.profile</c> claim elsewhere (UK Core, …) cannot be resolved offline.</summary>
    public const string BaseProfiles = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>
    /// A new validator with its own copies of the definitions and its own terminology service; its schemas compile on its
    /// first resource of each type. Only base R4 is enforced: a <c>meta.profile</c> claim outside it (UK Core, …) is not checked, where Firely
    /// would otherwise refuse the resource because the profile cannot be resolved.
    /// </summary>
    public static Validator CreateValidator()
    {
        var resolver = new CachedResolver(new DefinitionCopies(Definitions.Value));
        var settings = new ValidationSettings
        {
            SelectValidationProfiles = (_, profiles, _, _) => [.. profiles.Where(p => p.ToString().StartsWith(BaseProfiles, StringComparison.Ordinal))],
        };
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver), null, settings);
    }
}
