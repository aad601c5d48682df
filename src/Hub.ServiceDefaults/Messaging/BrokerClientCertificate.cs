using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Loads a participant's broker client certificate from PEM files, refusing with one line what is wrong.</summary>
public static class BrokerClientCertificate
{
    /// <returns>The certificate with its private key, or null when none is configured.</returns>
    /// <exception cref="InvalidOperationException">A file is missing or unreadable, or the key does not match.</exception>
    public static X509Certificate2? Load(BrokerTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (!tls.HasClientCertificate)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(tls.ClientCertificateFile) || string.IsNullOrWhiteSpace(tls.ClientKeyFile))
        {
            throw new InvalidOperationException("Broker:Tls:ClientCertificateFile and Broker:Tls:ClientKeyFile go together: set both or neither.");
        }

        if (!File.Exists(tls.ClientCertificateFile))
        {
            throw new InvalidOperationException("Broker:Tls:ClientCertificateFile does not name a readable file.");
        }

        if (!File.Exists(tls.ClientKeyFile))
        {
            throw new InvalidOperationException("Broker:Tls:ClientKeyFile does not name a readable file.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(tls.ClientCertificateFile, tls.ClientKeyFile);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException("Broker:Tls:ClientKeyFile does not hold the unencrypted PEM private key of the certificate in Broker:Tls:ClientCertificateFile.", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException("Broker:Tls:ClientKeyFile does not hold the unencrypted PEM private key of the certificate in Broker:Tls:ClientCertificateFile.");
        }

        return certificate;
    }

    /// <summary>The common name the broker takes as the user under EXTERNAL (<c>ssl_cert_login_from = common_name</c>).</summary>
    public static string CommonNameOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
