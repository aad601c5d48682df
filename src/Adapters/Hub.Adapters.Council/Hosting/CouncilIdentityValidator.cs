using Hub.Adapters.Core.Configuration;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Council.Hosting;

/// <summary>
/// Start-time check that this worker speaks for the council as <c>adapter-council</c>: a copied configuration naming
/// another agency would publish council records under the wrong source and be refused by the broker and the router.
/// </summary>
public sealed class CouncilIdentityValidator : IValidateOptions<AdapterOptions>, IValidateOptions<BrokerOptions>
{
    public const string Agency = "council";
    public const string BrokerUser = "adapter-council";

    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Agency == Agency
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AdapterOptions.SectionName}:Agency must be '{Agency}' for the council adapter.");
    }

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Username == BrokerUser
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{BrokerOptions.SectionName}:Username must be '{BrokerUser}' (the council adapter's broker user in deploy/rabbitmq).");
    }
}
