using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Agreements;

/// <summary>Refuses to start without a readable agreements folder.</summary>
public sealed class AgreementOptionsCheck : IValidateOptions<AgreementOptions>
{
    public ValidateOptionsResult Validate(string? name, AgreementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("Console:Agreements:Path must name the agreements folder the router reads.");
        }

        if (!Directory.Exists(options.Path))
        {
            return ValidateOptionsResult.Fail("Console:Agreements:Path names a folder that does not exist.");
        }

        return options.ExpiringSoonDays < 0
            ? ValidateOptionsResult.Fail("Console:Agreements:ExpiringSoonDays must be zero or more.")
            : ValidateOptionsResult.Success;
    }
}
