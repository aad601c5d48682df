using System.Security.Cryptography;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Throwaway ECDSA P-256 signing keys as PEM files, as an agency or the router holds them (docs/adr/0023).</summary>
public static class TestKeys
{
    /// <summary>Writes NAME.key (PKCS#8 private) and NAME.pub (SubjectPublicKeyInfo) into <paramref name="folder"/>.</summary>
    public static async Task<(string Private, string Public)> PairAsync(string folder, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (privatePath, publicPath) = (Path.Combine(folder, name + ".key"), Path.Combine(folder, name + ".pub"));
        await File.WriteAllTextAsync(privatePath, key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return (privatePath, publicPath);
    }
}
