using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Load;

/// <summary>
/// The end-to-end load harness (bench/Hub.LoadHarness, docs/benchmarks.md) at a small size: it runs its raw RabbitMQ
/// baseline, starts the router and the five workers as processes, feeds simulated release lists through the probation
/// drop folder and reports every phase complete. Figures are not asserted (they belong to benchmark runs on a quiet
/// machine); that the harness still measures the real stack is.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class LoadHarnessTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("agencyhub-it-load-").FullName;

    /// <summary>Earlier classes' deliveries would reach the harness's workers, which are the real ones and dead-letter what they cannot file.</summary>
    public async Task InitializeAsync()
    {
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await admin.PurgeHubQueuesAsync();
    }

    [Fact]
    public async Task When_run_small_should_deliver_every_simulated_release_and_report_both_phases_beside_the_baseline()
    {
        var report = Path.Combine(_work, "load.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec", WorkerBuildOutput.Find(Path.Combine("bench", "Hub.LoadHarness"), "Hub.LoadHarness.dll"),
            "--events", "40", "--paced-events", "5", "--rate", "5", "--baseline-messages", "500", "--work", Path.Combine(_work, "run"), "--out", report,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AGENCYHUB_TEST_RABBITMQ_HOST"] = servers.Broker.Host;
        start.Environment["AGENCYHUB_TEST_RABBITMQ_PORT"] = servers.Broker.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["AGENCYHUB_TEST_RABBITMQ_VHOST"] = servers.Broker.VirtualHost;
        start.Environment["AGENCYHUB_TEST_POSTGRES"] = servers.PostgresAdmin;
        foreach (var (user, password) in servers.Broker.Passwords)
        {
            start.Environment[ServersFixture.PasswordVariable(user)] = password;
        }

        Directory.CreateDirectory(Path.Combine(_work, "run"));
        using var harness = Process.Start(start)!;
        var output = harness.StandardOutput.ReadToEndAsync();
        var errors = harness.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(8)))
        {
            await harness.WaitForExitAsync(patience.Token);
        }

        harness.ExitCode.ShouldBe(0, $"{await errors}\n{await output}");
        (await output).ShouldContain("Ratios to the baseline");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
        var root = json.RootElement;
        root.GetProperty("baseline").GetProperty("messagesPerSecond").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("baseline").GetProperty("paced").GetProperty("count").GetInt32().ShouldBe(5, "each paced baseline message measured once");
        foreach (var (phase, events) in new[] { ("burst", 40), ("paced", 5) })
        {
            var result = root.GetProperty(phase);
            result.GetProperty("events").GetInt32().ShouldBe(events, phase);
            var byRecipient = result.GetProperty("deliveriesByRecipient");
            byRecipient.GetProperty("police").GetInt32().ShouldBe(events, $"{phase}: DSA-001 F1 shares every Lewisham release with police");
            byRecipient.GetProperty("council").GetInt32().ShouldBe(events, $"{phase}: and with housing");
            result.GetProperty("latency").GetProperty("count").GetInt32().ShouldBe(result.GetProperty("deliveries").GetInt32(), phase);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }
}
