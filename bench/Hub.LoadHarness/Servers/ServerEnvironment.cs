using System.Globalization;
using Npgsql;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// The RabbitMQ node and Postgres server to load, read from the variables scripts/servers/*.sh write
/// (the same ones scripts/test.sh exports for the integration tests).
/// </summary>
public sealed record ServerEnvironment(string BrokerHost, int BrokerPort, string VirtualHost, IReadOnlyDictionary<string, string> Passwords, string PostgresAdmin)
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
            Required("AGENCYHUB_TEST_POSTGRES"));
    }

    public ConnectionFactory Broker(string user, string clientName) => new()
    {
        HostName = BrokerHost,
        Port = BrokerPort,
        VirtualHost = VirtualHost,
        UserName = user,
        Password = Passwords[user],
        ClientProvidedName = clientName,
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
