using Hub.Adapters.Core.Configuration;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Jcp.Hosting;

/// <summary>
/// Start-time check that this worker speaks for JCP as <c>adapter-jcp</c>: a copied configuration naming another
/// agency would publish JCP's records under the wrong source and be refused by the broker and the router.
/// </summary>
public sealed class JcpIdentityValidator : IValidateOptions<AdapterOptions>, IValidateOptions<BrokerOptions>
{
    public const string Agency = "jcp";
    public const string BrokerUser = "adapter-jcp";

    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Agency == Agency
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AdapterOptions.SectionName}:Agency must be '{Agency}' for the JCP adapter.");
    }

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Username == BrokerUser
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{BrokerOptions.SectionName}:Username must be '{BrokerUser}' (the JCP adapter's broker user in deploy/rabbitmq).");
    }
}
