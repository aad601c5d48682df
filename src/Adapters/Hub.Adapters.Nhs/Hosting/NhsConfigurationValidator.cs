using Hub.Adapters.Core.Configuration;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Nhs.Hosting;

/// <summary>
/// Start-time checks that this worker speaks for the NHS: <c>Adapter:Agency</c> must be <c>nhs</c> and
/// <c>Broker:Username</c> <c>adapter-nhs</c>. Caught here, a copied configuration fails with the setting to fix
/// instead of the router rejecting every event as forged or the broker refusing the connection.
/// </summary>
public sealed class NhsConfigurationValidator : IValidateOptions<AdapterOptions>, IValidateOptions<BrokerOptions>
{
    public const string Agency = "nhs";

    public const string BrokerUser = "adapter-nhs";

    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Agency == Agency
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AdapterOptions.SectionName}:Agency must be '{Agency}' for the NHS adapter.");
    }

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Username == BrokerUser
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{BrokerOptions.SectionName}:Username must be '{BrokerUser}': the broker lets only that user publish as the NHS.");
    }
}
