using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The test broker's AMQPS listener and the throwaway CA that signed its certificate (scripts/servers/rabbitmq.sh).
/// Missing variables fail the test: TLS tests are never skipped.
/// </summary>
public sealed record TlsBroker(int Port, string CaFile)
{
    public const string PortVariable = "AGENCYHUB_TEST_RABBITMQ_TLS_PORT";
    public const string CaVariable = "AGENCYHUB_TEST_CA_FILE";

    public static TlsBroker FromEnvironment()
    {
        var port = Environment.GetEnvironmentVariable(PortVariable)
            ?? throw new InvalidOperationException($"{PortVariable} is not set: run through scripts/test.sh, whose RabbitMQ node has an AMQPS listener.");
        var ca = Environment.GetEnvironmentVariable(CaVariable)
            ?? throw new InvalidOperationException($"{CaVariable} is not set: run through scripts/test.sh, which makes the test CA.");
        return new TlsBroker(int.Parse(port, CultureInfo.InvariantCulture), ca);
    }

    /// <summary>Settings that point a router or adapter at the AMQPS listener, trusting <paramref name="caFile"/> (default the test CA).</summary>
    public Dictionary<string, string?> Settings(string? caFile = null, string? serverName = null) => new()
    {
        ["Broker:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Broker:Tls:Enabled"] = "true",
        ["Broker:Tls:CaFile"] = caFile ?? CaFile,
        ["Broker:Tls:ServerName"] = serverName,
    };

    /// <summary>A PEM file holding a CA certificate that signed nothing the broker has.</summary>
    public static string WriteUnrelatedCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Unrelated test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = TimeProvider.System.GetUtcNow();
        using var ca = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"agencyhub-unrelated-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }
}
