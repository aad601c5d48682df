using System.Globalization;
using Npgsql;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// The RabbitMQ node and Postgres server to load, read from the variables scripts/servers/*.sh write
/// (the same ones scripts/test.sh exports for the integration tests). The pid file finds the broker's process for
/// CPU accounting; the restart command (kill -9 and start again) serves <c>--broker-restart-at</c>.
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
            Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_RESTART") is { Length: > 0 } restart ? restart : null);
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
