using System.Net;
using System.Net.Sockets;
using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Hub.Adapters.Core.Tests.Health;

/// <summary>
/// The database readiness check (AspNetCore.HealthChecks.NpgSql, redacted) against a loopback port where nothing
/// listens; the healthy path runs in Hub.IntegrationTests.Health.
/// </summary>
public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task When_the_database_does_not_answer_should_be_unhealthy_naming_only_the_exception_type()
    {
        var port = FreePort();
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=agency_secret_role;Password=pw;Database=agency_secret_db;Timeout=3");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddPostgresReadiness("sink-database", _ => dataSource);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["sink-database"];
        entry.Status.ShouldBe(HealthStatus.Unhealthy);
        entry.Exception.ShouldBeNull();
        entry.Description.ShouldNotBeNull().ShouldNotContain("agency_secret");
        entry.Description.ShouldNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.Tags.ShouldContain(HealthTags.Ready);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
