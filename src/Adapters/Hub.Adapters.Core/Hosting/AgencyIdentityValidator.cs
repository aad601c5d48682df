using Hub.Adapters.Core.Configuration;
using Hub.Contracts.Agencies;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Hosting;

/// <summary>
/// Start-time check that an agency's worker speaks only for that agency: <c>Adapter:Agency</c> and
/// <c>Broker:Username</c> (<c>adapter-&lt;agency&gt;</c>) must name it. A copied configuration from another agency
/// would otherwise start, and be refused by the broker or publish under the wrong name, far from the cause.
/// </summary>
public sealed class AgencyIdentityValidator(AgencyCode agency) : IValidateOptions<AdapterOptions>, IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Agency == agency.Value
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AdapterOptions.SectionName}:Agency must be '{agency.Value}' for the {agency.Value} adapter.");
    }

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var user = "adapter-" + agency.Value;
        return options.Username == user
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{BrokerOptions.SectionName}:Username must be '{user}': the broker lets only that user publish and consume for {agency.Value}.");
    }
}
