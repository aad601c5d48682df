using System.Security.Cryptography.X509Certificates;

namespace Hub.Adapters.Core.Configuration;

/// <summary>
/// Loads a certificate with its private key as agencies' PKI teams hand them over: a PKCS#12 file (with its
/// password), or a PEM certificate and a PEM key.
/// </summary>
public static class CertificateFiles
{
    /// <summary>Null when <paramref name="path"/> is not set.</summary>
    public static X509Certificate2? Load(string? path, string? keyPath, string? password)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(keyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : X509Certificate2.CreateFromPemFile(path, keyPath);
    }
}
