using System.Net;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Health;
using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.IntegrationTests.Health;

/// <summary>The router's probes on a real broker and Postgres: ready once started, unready while its ledger is unreachable.</summary>
[Collection(ServersGroup.Name)]
public sealed class RouterReadinessTests(ServersFixture servers) : IAsyncLifetime
{
    /// <summary>Shared by the tests of the class: one client, no socket churn.</summary>
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private string _ledger = null!;

    public async Task InitializeAsync() => _ledger = await servers.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task When_the_ledger_database_becomes_unreachable_should_turn_unready_and_stay_live()
    {
        var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder(), new Dictionary<string, string?> { ["Health:Urls"] = "http://127.0.0.1:0" });
        try
        {
            var address = router.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();
            var ready = new Uri(address, HealthEndpointServer.ReadyPath);
            var live = new Uri(address, HealthEndpointServer.LivePath);

            var started = await Eventually.UntilAsync(() => HealthAnswer.GetAsync(Http, ready), a => a.Code == HttpStatusCode.OK, "the router to be ready");
            started.Checks.ShouldBe(new Dictionary<string, string>
            {
                [HealthHostingExtensions.BusCheckName] = "Healthy",
                [RouterHealthChecks.LedgerDatabase] = "Healthy",
                [RouterHealthChecks.AgreementSet] = "Healthy",
            }, ignoreOrder: true);

            await DatabaseAccess.CutOffAsync(servers.PostgresAdmin, _ledger);
            try
            {
                var cutOff = await Eventually.UntilAsync(() => HealthAnswer.GetAsync(Http, ready), a => a.Code == HttpStatusCode.ServiceUnavailable, "the router to be unready");
                cutOff.Checks[RouterHealthChecks.LedgerDatabase].ShouldBe("Unhealthy");
                cutOff.Checks[HealthHostingExtensions.BusCheckName].ShouldBe("Healthy");
                cutOff.Body.ShouldNotContain(new Npgsql.NpgsqlConnectionStringBuilder(_ledger).Database!, customMessage: "the answer names checks, never the database or the driver's message");
                (await HealthAnswer.GetAsync(Http, live)).Code.ShouldBe(HttpStatusCode.OK, "a database outage must not restart the router");
            }
            finally
            {
                await DatabaseAccess.RestoreAsync(servers.PostgresAdmin, _ledger);
            }

            await Eventually.UntilAsync(() => HealthAnswer.GetAsync(Http, ready), a => a.Code == HttpStatusCode.OK, "the router to be ready again");
        }
        finally
        {
            await router.DisposeAsync();
        }
    }
}
