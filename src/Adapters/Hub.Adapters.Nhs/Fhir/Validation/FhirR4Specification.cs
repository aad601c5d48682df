using Firely.Fhir.Validation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// The base FHIR R4 specification (<c>Hl7.Fhir.Specification.Data.R4</c>'s <c>specification.zip</c>, copied beside the
/// adapter) and the Firely validator compiled over it. Loaded once per process, on first use: the zip is read
/// through one <see cref="CachedResolver"/>, and the validator keeps its compiled schemas in its own cached schema
/// resolver, so every resource after the first of its type reuses them. <see cref="Validator"/> is safe to share
/// between threads: it keeps no per-call state.
/// </summary>
public static class FhirR4Specification
{
    private static readonly Lazy<CachedResolver> SharedResolver = new(
        () => new CachedResolver(new ZipSource(Path.Combine(AppContext.BaseDirectory, "specification.zip"))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Validator> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The one reader of the specification in this process. ZipSource unpacks the zip to a shared cache folder on first
    /// use, so a second reader created alongside would race it; anything else that validates (tests) reuses this one.
    /// </summary>
    public static CachedResolver Resolver => SharedResolver.Value;

    public static Validator Validator => Shared.Value;

    private static Validator Create()
    {
        var terminology = LocalTerminologyService.CreateDefaultForCore(Resolver);
        return new Validator(Resolver, terminology);
    }
}
