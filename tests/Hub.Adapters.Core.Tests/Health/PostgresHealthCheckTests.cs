using System.Net;
using System.Net.Sockets;
using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Hub.Adapters.Core.Tests.Health;

/// <summary>The database check against a loopback port where nothing listens (the healthy path runs in Hub.IntegrationTests.Health).</summary>
public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task When_the_database_does_not_answer_should_be_unhealthy_naming_only_the_exception_type()
    {
        var port = FreePort();
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=agency_secret_role;Password=pw;Database=agency_secret_db;Timeout=3");
        var registration = new HealthCheckRegistration("sink-database", new PostgresHealthCheck(dataSource), HealthStatus.Unhealthy, [HealthTags.Ready]);

        var result = await new PostgresHealthCheck(dataSource).CheckHealthAsync(new HealthCheckContext { Registration = registration });

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Exception.ShouldBeNull();
        result.Description.ShouldNotBeNull().ShouldNotContain("agency_secret");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
