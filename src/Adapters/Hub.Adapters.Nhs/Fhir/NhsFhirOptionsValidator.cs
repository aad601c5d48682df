using Microsoft.Extensions.Options;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>Checks <c>Nhs:Fhir</c> at start, naming the setting; the value is not echoed.</summary>
public sealed class NhsFhirOptionsValidator : IValidateOptions<NhsFhirOptions>
{
    public ValidateOptionsResult Validate(string? name, NhsFhirOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Key = NhsFhirOptions.SectionName + ":" + nameof(NhsFhirOptions.CanonicalBase);
        if (string.IsNullOrWhiteSpace(options.CanonicalBase))
        {
            return ValidateOptionsResult.Fail($"{Key} is required: the https base of the hub's own FHIR code and identifier systems.");
        }

        return HubFhirSystems.IsCanonicalBase(options.CanonicalBase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key} must be an absolute https URL with no query, fragment or user info (e.g. https://fhir.hub.org.uk).");
    }
}
