using System.Globalization;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>The test broker's AMQPS listener (scripts/servers/rabbitmq.sh), its certificate signed by <see cref="TestCa"/>.</summary>
public sealed record TlsBroker(int Port, string CaFile)
{
    public const string PortVariable = "AGENCYHUB_TEST_RABBITMQ_TLS_PORT";

    public static TlsBroker FromEnvironment()
    {
        var port = Environment.GetEnvironmentVariable(PortVariable)
            ?? throw new InvalidOperationException($"{PortVariable} is not set: run through scripts/test.sh, whose RabbitMQ node has an AMQPS listener.");
        return new TlsBroker(int.Parse(port, CultureInfo.InvariantCulture), TestCa.File);
    }

    /// <summary>Settings that point a router or adapter at the AMQPS listener, trusting <paramref name="caFile"/> (default the test CA).</summary>
    public Dictionary<string, string?> Settings(string? caFile = null, string? serverName = null) => new()
    {
        ["Broker:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Broker:Tls:Enabled"] = "true",
        ["Broker:Tls:CaFile"] = caFile ?? CaFile,
        ["Broker:Tls:ServerName"] = serverName,
    };
}
