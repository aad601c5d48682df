using Microsoft.Extensions.Options;

namespace Hub.Router.Configuration;

/// <summary>Refuses a sink without a readable signing key, and a webhook over plain http except on loopback.</summary>
public sealed class LedgerAnchorOptionsValidator : IValidateOptions<LedgerAnchorOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerAnchorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.SigningKeyFile) || !System.IO.File.Exists(options.SigningKeyFile))
        {
            return ValidateOptionsResult.Fail("Ledger:Anchor:SigningKeyFile must name a readable PEM file holding the router's ECDSA P-256 key when an anchor sink is set.");
        }

        return options.WebhookUrl is { } url && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback
            ? ValidateOptionsResult.Fail("Ledger:Anchor:WebhookUrl must be https (plain http only on loopback).")
            : ValidateOptionsResult.Success;
    }
}
