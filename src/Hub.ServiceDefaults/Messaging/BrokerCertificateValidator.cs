using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Decides whether the broker's certificate is acceptable. Never "accept anything": the name must match, and the chain
/// must end in the configured private CA (custom root trust, system roots ignored) or, without one, in a system root.
/// </summary>
public sealed class BrokerCertificateValidator
{
    private readonly X509Certificate2Collection? _trustedRoots;

    /// <param name="caFile">PEM bundle of the CA certificates to trust, or null for the system's roots.</param>
    public BrokerCertificateValidator(string? caFile)
    {
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

    public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

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
