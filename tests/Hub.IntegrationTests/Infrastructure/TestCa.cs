using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The throwaway CA that scripts/servers/*.sh make for the test servers' TLS listeners, and unrelated CAs for
/// refusal tests. A missing variable fails the test: TLS tests are never skipped.
/// </summary>
public static class TestCa
{
    public const string Variable = "AGENCYHUB_TEST_CA_FILE";

    public static string File => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run through scripts/test.sh, which makes the test CA for the servers it starts.");

    /// <summary>A PEM file holding a CA certificate that signed nothing the test servers have; the caller deletes it.</summary>
    public static string WriteUnrelated()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Unrelated test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = TimeProvider.System.GetUtcNow();
        using var ca = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"agencyhub-unrelated-ca-{Guid.NewGuid():N}.pem");
        System.IO.File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }

    /// <summary>
    /// A client certificate for <paramref name="commonName"/> (a real broker user) issued by a CA the test servers do not
    /// trust: PEM certificate and key files the caller deletes.
    /// </summary>
    public static (string CertificateFile, string KeyFile) WriteUnrelatedClient(string commonName)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Unrelated test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = TimeProvider.System.GetUtcNow();
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = request.Create(ca, now.AddDays(-1), now.AddDays(1), [1, 2, 3, 4]);
        var stem = Path.Combine(Path.GetTempPath(), $"agencyhub-unrelated-client-{Guid.NewGuid():N}");
        System.IO.File.WriteAllText(stem + ".pem", client.ExportCertificatePem());
        System.IO.File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return (stem + ".pem", stem + ".key");
    }

    /// <summary><paramref name="connectionString"/> over TLS, the server verified (name and chain) against <paramref name="caFile"/>.</summary>
    public static string VerifyFull(string connectionString, string caFile) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { SslMode = Npgsql.SslMode.VerifyFull, RootCertificate = caFile }.ConnectionString;
}
