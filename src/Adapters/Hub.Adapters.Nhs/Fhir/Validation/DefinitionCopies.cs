using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// Resolves from a resolver shared between validators, handing each caller its own deep copy: the definitions are read
/// from specification.zip and parsed once per process, while a validator that corrects a definition in place while it
/// compiles (Firely does) touches only its copy. Give it a cache of its own (a <see cref="CachedResolver"/> over it),
/// so that each definition is copied once per validator, and value set expansions stay on that validator's copies.
/// </summary>
public sealed class DefinitionCopies(IAsyncResourceResolver shared) : IAsyncResourceResolver
{
    public async Task<ResolverResult> TryResolveByUriAsync(string uri) => Copy(await shared.TryResolveByUriAsync(uri).ConfigureAwait(false));

    public async Task<ResolverResult> TryResolveByCanonicalUriAsync(string uri) => Copy(await shared.TryResolveByCanonicalUriAsync(uri).ConfigureAwait(false));

    // The resolver interface still requires the older null-returning forms; they copy the same way.
#pragma warning disable CS0618
    public async Task<Resource?> ResolveByUriAsync(string uri) => (await shared.ResolveByUriAsync(uri).ConfigureAwait(false))?.DeepCopy() as Resource;

    public async Task<Resource?> ResolveByCanonicalUriAsync(string uri) => (await shared.ResolveByCanonicalUriAsync(uri).ConfigureAwait(false))?.DeepCopy() as Resource;
#pragma warning restore CS0618

    private static ResolverResult Copy(ResolverResult result) => result.Value is { } resource ? new ResolverResult((Resource)resource.DeepCopy()) : result;
}
