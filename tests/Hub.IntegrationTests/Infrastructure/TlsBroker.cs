using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The test broker's mutual-TLS AMQPS listener (scripts/servers/rabbitmq.sh): its certificate signed by
/// <see cref="TestCa"/>, which also issued each broker user's client certificate (<c>USER.pem</c>, <c>USER.key</c> in
/// <see cref="ClientCertificates"/>). A client without one is refused at the handshake.
/// </summary>
public sealed record TlsBroker(int Port, string CaFile, string ClientCertificates)
{
    public const string PortVariable = "AGENCYHUB_TEST_RABBITMQ_TLS_PORT";
    public const string ClientCertificatesVariable = "AGENCYHUB_TEST_RABBITMQ_CLIENT_CERTS";

    public static TlsBroker FromEnvironment()
    {
        var port = Environment.GetEnvironmentVariable(PortVariable)
            ?? throw new InvalidOperationException($"{PortVariable} is not set: run through scripts/test.sh, whose RabbitMQ node has an AMQPS listener.");
        var clients = Environment.GetEnvironmentVariable(ClientCertificatesVariable)
            ?? throw new InvalidOperationException($"{ClientCertificatesVariable} is not set: restart the test servers with a fresh state folder (scripts/servers/rabbitmq.sh issues client certificates since mutual TLS).");
        return new TlsBroker(int.Parse(port, CultureInfo.InvariantCulture), TestCa.File, clients);
    }

    public string CertificateFileOf(string user) => Path.Combine(ClientCertificates, user + ".pem");

    public string KeyFileOf(string user) => Path.Combine(ClientCertificates, user + ".key");

    /// <summary>The SHA-256 pin of the broker's own certificate, written by the script beside the CA (<c>server.pem</c>).</summary>
    public string ServerCertificatePin()
    {
        var server = new X509Certificate2Collection();
        server.ImportFromPemFile(Path.Combine(Path.GetDirectoryName(CaFile)!, "server.pem"));
        return Hub.ServiceDefaults.Messaging.BrokerCertificateValidator.PinOf(server[0]);
    }

    /// <summary>
    /// Settings that point a router or adapter, logged in as <paramref name="user"/>, at the AMQPS listener with the
    /// user's client certificate, trusting <paramref name="caFile"/> (default the test CA). With
    /// <paramref name="certificateIdentity"/> it logs in as the certificate (EXTERNAL) and has no password at all.
    /// </summary>
    public Dictionary<string, string?> Settings(string user, string? caFile = null, string? serverName = null, bool certificateIdentity = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Broker:Tls:Enabled"] = "true",
            ["Broker:Tls:CaFile"] = caFile ?? CaFile,
            ["Broker:Tls:ServerName"] = serverName,
            ["Broker:Tls:ClientCertificateFile"] = CertificateFileOf(user),
            ["Broker:Tls:ClientKeyFile"] = KeyFileOf(user),
        };
        if (certificateIdentity)
        {
            settings["Broker:Tls:UseCertificateIdentity"] = "true";
            settings["Broker:Password"] = null;
        }

        return settings;
    }
}
