using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Decides whether the broker's certificate is acceptable. Never "accept anything": the name must match, and the chain
/// must end in the configured private CA (custom root trust, system roots ignored) or, without one, in a system root;
/// when pins are configured the leaf's SHA-256 must be one of them as well (a pin narrows, it never replaces the chain).
/// </summary>
public sealed class BrokerCertificateValidator
{
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly HashSet<string> _pins;

    /// <param name="tls">The CA bundle (or none, for the system's roots) and the optional pins.</param>
    public BrokerCertificateValidator(BrokerTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        _pins = tls.PinnedServerCertificateSha256.Select(NormalisePin).ToHashSet(StringComparer.Ordinal);
        var caFile = tls.CaFile;
        if (string.IsNullOrWhiteSpace(caFile))
        {
            return;
        }

        if (!File.Exists(caFile))
        {
            throw new InvalidOperationException("Broker:Tls:CaFile does not name a readable file.");
        }

        _trustedRoots = [];
        _trustedRoots.ImportFromPemFile(caFile);
        if (_trustedRoots.Count == 0)
        {
            throw new InvalidOperationException("Broker:Tls:CaFile holds no PEM certificate.");
        }
    }

    /// <summary>Upper-case hex without separators; refuses anything that is not a SHA-256 digest.</summary>
    public static string NormalisePin(string pin)
    {
        var hex = (pin ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (hex.Length != SHA256.HashSizeInBytes * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException("Broker:Tls:PinnedServerCertificateSha256 holds an entry that is not a hex SHA-256 digest (64 hex digits, colons allowed).");
        }

        return hex;
    }

    /// <summary>The pin of a certificate, as <see cref="NormalisePin"/> writes it (openssl x509 -fingerprint -sha256 gives the same).</summary>
    public static string PinOf(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())).ToUpper(CultureInfo.InvariantCulture);
    }

    public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        return ChainAndNameAreValid(certificate, chain, errors) && (_pins.Count == 0 || _pins.Contains(PinOf(certificate)));
    }

    private bool ChainAndNameAreValid(X509Certificate certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_trustedRoots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // The name check stands; only the chain is judged again, against the private CA alone.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);

        // A private CA publishes no revocation list; its certificates are short-lived and replaced instead.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // Intermediates the server sent, so a chain through one still builds.
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
