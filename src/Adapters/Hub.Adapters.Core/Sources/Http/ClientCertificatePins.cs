using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// Whether a caller's client certificate is one of the pinned ones (SHA-1 thumbprint or SHA-256 digest) and, when
/// <see cref="HttpIngestOptions.ClientCertificateCaFile"/> is set, still chains to that CA (custom root trust only).
/// </summary>
public sealed class ClientCertificatePins
{
    private readonly HashSet<string> _sha1;
    private readonly HashSet<string> _sha256;
    private readonly X509Certificate2Collection? _issuers;

    public ClientCertificatePins(HttpIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sha1 = new(options.ClientCertificateThumbprints, StringComparer.OrdinalIgnoreCase);
        _sha256 = new(options.ClientCertificateSha256.Select(p => p.Replace(":", string.Empty, StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(options.ClientCertificateCaFile))
        {
            _issuers = [];
            _issuers.ImportFromPemFile(options.ClientCertificateCaFile);
        }
    }

    public bool Accepts(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        var pinned = _sha1.Contains(certificate.Thumbprint) || _sha256.Contains(Convert.ToHexString(SHA256.HashData(certificate.RawData)));
        return pinned && (_issuers is null || ChainsToIssuers(certificate));
    }

    private bool ChainsToIssuers(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_issuers!);

        // An agency CA seldom publishes revocation to the hub; removing the pin is how a certificate is withdrawn.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }
}
