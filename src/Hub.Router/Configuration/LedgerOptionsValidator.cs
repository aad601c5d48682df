using Microsoft.Extensions.Options;

namespace Hub.Router.Configuration;

/// <summary>Checks the subject key decodes to enough bytes, without ever echoing it.</summary>
public sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SubjectKey))
        {
            return ValidateOptionsResult.Fail("Ledger:SubjectKey is required: a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`).");
        }

        var buffer = new byte[(options.SubjectKey.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(options.SubjectKey, buffer, out var length) && length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Ledger:SubjectKey must be base64 of at least 32 bytes.");
    }
}
