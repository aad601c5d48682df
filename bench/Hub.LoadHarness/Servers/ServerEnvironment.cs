using System.Globalization;
using Npgsql;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// The RabbitMQ node and Postgres server to load, read from the variables scripts/servers/*.sh write
/// (the same ones scripts/test.sh exports for the integration tests). The pid file finds the broker's process for
/// CPU accounting; the restart command (kill -9 and start again) serves <c>--broker-restart-at</c>. The chaos suite
/// also reads the cluster's nodes and the fault commands of scripts/servers/rabbitmq-cluster.sh, postgres-ha.sh and
/// postgres.sh (<see cref="Faults"/>).
/// </summary>
public sealed record ServerEnvironment(
    string BrokerHost,
    int BrokerPort,
    string VirtualHost,
    IReadOnlyDictionary<string, string> Passwords,
    string PostgresAdmin,
    string? BrokerPidFile = null,
    string? BrokerRestartCommand = null)
{
    /// <summary>A cluster's nodes as <c>host:port</c> (the order participants try them in), empty for one node.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>The servers' fault commands, for the chaos suite.</summary>
    public ServerFaults Faults { get; init; } = new(null, null, null, null, null);

    public static readonly IReadOnlyList<string> Users =
        ["hub-router", "hub-admin", "adapter-police", "adapter-probation", "adapter-jcp", "adapter-nhs", "adapter-council"];

    public static ServerEnvironment FromEnvironment()
    {
        static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the harness through scripts/load.sh, which starts throwaway servers and exports it.");

        return new ServerEnvironment(
            Required("AGENCYHUB_TEST_RABBITMQ_HOST"),
            int.Parse(Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_PORT") ?? "5672", CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_VHOST") ?? "agencyhub",
            Users.ToDictionary(u => u, u => Required("AGENCYHUB_BROKER_PASSWORD_" + u.ToUpperInvariant().Replace('-', '_'))),
            Required("AGENCYHUB_TEST_POSTGRES"),
            Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_PID_FILE") is { Length: > 0 } pidFile ? pidFile : null,
            Optional("AGENCYHUB_TEST_RABBITMQ_RESTART"))
        {
            Nodes = Optional("AGENCYHUB_TEST_RABBITMQ_HOSTS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Faults = new ServerFaults(
                Optional("AGENCYHUB_TEST_RABBITMQ_CLUSTER"),
                Optional("AGENCYHUB_TEST_RABBITMQ_CLUSTER_STATE"),
                Optional("AGENCYHUB_TEST_POSTGRES_HA"),
                Optional("AGENCYHUB_TEST_POSTGRES_HA_STATE"),
                Optional("AGENCYHUB_TEST_POSTGRES_RESTART")),
        };
    }

    private static string? Optional(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// A connection as <paramref name="user"/> that rides out a broker restart; on a cluster it tries every node in
    /// <see cref="Nodes"/>' order, so it survives the loss of any one.
    /// </summary>
    public Task<IConnection> ConnectAsync(string user, string clientName, bool recover, CancellationToken cancellationToken)
    {
        var factory = Broker(user, clientName);
        factory.AutomaticRecoveryEnabled = recover;
        return Nodes.Count == 0
            ? factory.CreateConnectionAsync(cancellationToken)
            : factory.CreateConnectionAsync([.. Nodes.Select(Endpoint)], cancellationToken);
    }

    private static AmqpTcpEndpoint Endpoint(string node)
    {
        var colon = node.LastIndexOf(':');
        return new AmqpTcpEndpoint(node[..colon], int.Parse(node[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    public ConnectionFactory Broker(string user, string clientName) => new()
    {
        HostName = BrokerHost,
        Port = BrokerPort,
        VirtualHost = VirtualHost,
        UserName = user,
        Password = Passwords[user],
        ClientProvidedName = clientName,
        // The harness's own connections ride out a broker restart (--broker-restart-at) as the hub's do.
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>A new, empty database for this run's ledger.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "hub_load_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
    }
}
