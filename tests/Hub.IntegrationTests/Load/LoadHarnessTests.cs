using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Load;

/// <summary>
/// The end-to-end load harness (bench/Hub.LoadHarness, docs/benchmarks.md) at a small size: it runs its single-queue
/// and fan-out relay baselines, starts the router and the five workers as processes, warms them up, feeds a simulated
/// release list through the probation drop folder, then one paced rate through HTTP ingest and through the drop folder,
/// and reports every phase complete. Figures are not asserted (they belong to benchmark runs on a quiet machine); that
/// the harness still measures the real stack, every path and both baselines is.
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
    public async Task When_run_small_should_deliver_every_simulated_release_through_each_path_and_report_it_beside_both_baselines()
    {
        var report = Path.Combine(_work, "load.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec", WorkerBuildOutput.Find(Path.Combine("bench", "Hub.LoadHarness"), "Hub.LoadHarness.dll"),
            "--events", "40", "--warmup-events", "5", "--paced-rates", "5", "--paced-seconds", "1", "--baseline-messages", "500",
            "--router-env", "Router__PrefetchCount=16", "--work", Path.Combine(_work, "run"), "--out", report,
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
        (await output).ShouldContain("Headline ratios");
        (await output).ShouldContain("fsync=");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
        var root = json.RootElement;
        root.GetProperty("complete").GetBoolean().ShouldBeTrue("every phase's events decided once and deliveries written");
        root.GetProperty("durability").GetProperty("postgresFsync").GetString().ShouldNotBeNullOrEmpty("read back from the server");
        var single = root.GetProperty("singleQueue");
        single.GetProperty("messagesPerSecond").GetDouble().ShouldBeGreaterThan(0);
        single.GetProperty("paced")[0].GetProperty("latency").GetProperty("count").GetInt32().ShouldBe(5, "each paced baseline message measured once");
        var relay = root.GetProperty("relay");
        relay.GetProperty("eventsPerSecond").GetDouble().ShouldBeGreaterThan(0);
        relay.GetProperty("deliveries").GetInt64().ShouldBe(40 * 5, "the relay delivers every event to its five queues");
        relay.GetProperty("paced")[0].GetProperty("latency").GetProperty("count").GetInt32().ShouldBe(5, "each paced relay event measured at its last delivery");

        AssertPhase(root.GetProperty("burst"), "burst", 40);
        var paced = root.GetProperty("paced").EnumerateArray().ToList();
        paced.Select(p => p.GetProperty("path").GetString()).ToArray().ShouldBe(new[] { "http", "drop-folder" });
        foreach (var phase in paced)
        {
            AssertPhase(phase.GetProperty("result"), phase.GetProperty("path").GetString()!, 5);
        }

        var resources = root.GetProperty("burstResources").GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        resources.ShouldContain("router");
        resources.ShouldContain("probation");
        resources.ShouldContain("postgres");
        root.GetProperty("burstRouter").GetProperty("processing").GetProperty("count").GetDouble().ShouldBeGreaterThanOrEqualTo(40, "the router's own histogram, scraped around the burst");
    }

    private static void AssertPhase(JsonElement result, string phase, int events)
    {
        result.GetProperty("events").GetInt32().ShouldBe(events, phase);
        var byRecipient = result.GetProperty("deliveriesByRecipient");
        byRecipient.GetProperty("police").GetInt32().ShouldBe(events, $"{phase}: DSA-001 F1 shares every Lewisham release with police");
        byRecipient.GetProperty("council").GetInt32().ShouldBe(events, $"{phase}: and with housing");
        result.GetProperty("latency").GetProperty("count").GetInt32().ShouldBe(result.GetProperty("deliveries").GetInt32(), phase);
        result.GetProperty("completeness").GetProperty("isComplete").GetBoolean().ShouldBeTrue(phase);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }
}
