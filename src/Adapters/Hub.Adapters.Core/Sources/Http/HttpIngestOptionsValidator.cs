using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// Start-time checks: an enabled endpoint must have at least one way to authenticate, usable keys, and no plain http
/// beyond loopback unless a TLS-terminating proxy is declared in front.
/// </summary>
public sealed class HttpIngestOptionsValidator : IValidateOptions<HttpIngestOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var section = HttpIngestOptions.SectionName;
        var failures = new List<string>();
        if (options.ApiKeys.Count == 0 && !options.PinsClientCertificates)
        {
            failures.Add($"{section} is enabled but has neither ApiKeys nor ClientCertificateThumbprints nor ClientCertificateSha256: nobody could call it.");
        }

        failures.AddRange(options.ApiKeys.Where(k => k.Value is null || k.Value.Length < 32).Select(k => $"{section}:ApiKeys:{k.Key} must be at least 32 characters (e.g. `openssl rand -base64 32`)."));
        failures.AddRange(options.ClientCertificateThumbprints.Where(t => t.Length != 40 || !t.All(Uri.IsHexDigit)).Select((_, i) => $"{section}:ClientCertificateThumbprints:{i} must be a 40-digit hex SHA-1 thumbprint."));
        if (options.PublishTimeout <= TimeSpan.Zero || options.PublishTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{section}:PublishTimeout must be between 00:00:00 (exclusive) and 00:02:00.");
        }

        if (options.MaxBodyBytes is < 1 or > HttpIngestOptions.MaxBodyBytesCeiling)
        {
            failures.Add($"{section}:MaxBodyBytes must be between 1 and {HttpIngestOptions.MaxBodyBytesCeiling}.");
        }

        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            failures.Add($"{section}:Urls is required when the endpoint is enabled.");
        }

        var https = options.Urls?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;
        if (https && string.IsNullOrWhiteSpace(options.ServerCertificatePath))
        {
            failures.Add($"{section}:ServerCertificatePath is required for an https URL (PKCS#12, or PEM with ServerKeyPath).");
        }
        else if (https && !File.Exists(options.ServerCertificatePath))
        {
            failures.Add($"{section}:ServerCertificatePath names a file that does not exist.");
        }

        var plain = PlainHttpUrls.BeyondLoopback(options.Urls);
        if (plain.Count > 0 && !options.AllowPlainHttpBehindTlsProxy)
        {
            failures.Add($"{section}:Urls takes plain http beyond loopback ({string.Join(", ", plain)}): use an https URL with {section}:ServerCertificatePath, or set {section}:AllowPlainHttpBehindTlsProxy=true if a TLS-terminating proxy or ingress is the only way in.");
        }

        failures.AddRange(options.ClientCertificateSha256.Where(p => !IsSha256(p)).Select((_, i) => $"{section}:ClientCertificateSha256:{i} must be a 64-digit hex SHA-256 digest (colons allowed)."));
        if (options.PinsClientCertificates && !https)
        {
            failures.Add($"{section}:ClientCertificateThumbprints and ClientCertificateSha256 need an https URL in {section}:Urls: client certificates are only presented over TLS.");
        }

        if (!string.IsNullOrWhiteSpace(options.ClientCertificateCaFile) && !File.Exists(options.ClientCertificateCaFile))
        {
            failures.Add($"{section}:ClientCertificateCaFile names a file that does not exist.");
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientCertificateCaFile) && !options.PinsClientCertificates)
        {
            failures.Add($"{section}:ClientCertificateCaFile checks pinned client certificates, and none is pinned.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSha256(string pin)
    {
        var hex = (pin ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(Uri.IsHexDigit);
    }
}
