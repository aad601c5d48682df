using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// Real RabbitMQ and Postgres for the whole test run. Environment variables first (scripts/test.sh sets them),
/// then Testcontainers where a Docker engine exists, otherwise a clear failure: these tests are never skipped.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    public static readonly string[] Users = ["hub-admin", "hub-router", "hub-operator", "adapter-police", "adapter-probation", "adapter-jcp", "adapter-nhs", "adapter-council"];

    private RabbitMqContainer? _rabbit;
    private PostgreSqlContainer? _postgres;

    public BrokerEndpoint Broker { get; private set; } = null!;

    public string PostgresAdmin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var host = Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_HOST");
        var postgres = Environment.GetEnvironmentVariable("AGENCYHUB_TEST_POSTGRES");
        if (host is not null && postgres is not null)
        {
            Broker = new BrokerEndpoint(
                host,
                int.Parse(Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture),
                Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_VHOST") ?? "agencyhub",
                Users.ToDictionary(u => u, u => Environment.GetEnvironmentVariable(PasswordVariable(u)) ?? throw new InvalidOperationException($"{PasswordVariable(u)} is not set; scripts/test.sh exports it.")));
            PostgresAdmin = postgres;
            return;
        }

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException(
                "Integration tests need real RabbitMQ and Postgres, and none was found: run `bash scripts/test.sh` (it starts throwaway servers), " +
                "or export AGENCYHUB_TEST_RABBITMQ_HOST/_PORT/_VHOST, AGENCYHUB_BROKER_PASSWORD_* and AGENCYHUB_TEST_POSTGRES, or run where a Docker engine is available.");
        }

        await StartContainersAsync();
    }

    public async Task DisposeAsync()
    {
        if (_rabbit is not null)
        {
            await _rabbit.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>A new, empty database for one test class, so no two classes share ledger state.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "hub_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
    }

    /// <summary>The variable scripts/servers/rabbitmq.sh exports a broker user's password in.</summary>
    public static string PasswordVariable(string user) => "AGENCYHUB_BROKER_PASSWORD_" + user.ToUpperInvariant().Replace('-', '_');

    private async Task StartContainersAsync()
    {
        _postgres = new PostgreSqlBuilder("postgres:16-alpine").Build();
        // The hub's broker settings (deploy/rabbitmq/rabbitmq.conf: the message size cap), as every deployment has them.
        _rabbit = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithResourceMapping(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "rabbitmq.conf")), "/etc/rabbitmq/conf.d/20-agencyhub.conf")
            .Build();
        await Task.WhenAll(_postgres.StartAsync(), _rabbit.StartAsync());
        PostgresAdmin = _postgres.GetConnectionString();

        var passwords = Users.ToDictionary(u => u, _ => Guid.NewGuid().ToString("N"));
        await ExecAsync(["rabbitmqctl", "add_vhost", "agencyhub"]);
        foreach (var (user, password) in passwords)
        {
            await ExecAsync(["rabbitmqctl", "add_user", user, password]);
        }

        await ExecAsync(["rabbitmqctl", "set_user_tags", "hub-admin", "administrator"]);
        await _rabbit.CopyAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "definitions.json")), "/tmp/definitions.json");
        await ExecAsync(["rabbitmqctl", "import_definitions", "/tmp/definitions.json"]);

        // The module seeds its own default user; no deployment of the hub keeps one.
        await ExecAsync(["rabbitmqctl", "delete_user", "rabbitmq"]);
        Broker = new BrokerEndpoint(_rabbit.Hostname, _rabbit.GetMappedPublicPort(5672), "agencyhub", passwords);
    }

    private async Task ExecAsync(IList<string> command)
    {
        var result = await _rabbit!.ExecAsync(command);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', command.Take(2))}` failed in the RabbitMQ container: {result.Stderr}");
        }
    }
}
