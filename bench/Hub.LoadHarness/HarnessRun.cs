using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Contracts;
using Hub.LoadHarness.Baseline.Relay;
using Hub.LoadHarness.Baseline.SingleQueue;
using Hub.LoadHarness.Feed;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Report;
using Hub.LoadHarness.Resources;
using Hub.LoadHarness.RouterMetrics;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness;

/// <summary>
/// One run: read back the servers' durability, the two baselines, then the stack: warm-up, the burst (with its CPU,
/// memory and router histograms; the broker restart if asked), the paced phases, and the report.
/// </summary>
public static class HarnessRun
{
    private static readonly JsonSerializerOptions ReportJson = new(ContractJson.Options)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>0 when every phase completed, 1 when the run failed or an event was not delivered once in effect.</summary>
    public static async Task<int> RunAsync(HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var report = await MeasureAsync(settings, cancellationToken);
            Console.WriteLine();
            ReportPrinter.Print(report, Console.Out);
            if (settings.Out is { } path)
            {
                await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(report, ReportJson), cancellationToken);
                Progress($"report written to {path}");
            }

            return report.Complete ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"[load] failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<LoadReport> MeasureAsync(HarnessSettings settings, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetUtcNow();
        var servers = ServerEnvironment.FromEnvironment();
        if (settings.BrokerRestartAt is not null && servers.BrokerRestartCommand is null)
        {
            throw new InvalidOperationException("--broker-restart-at needs AGENCYHUB_TEST_RABBITMQ_RESTART (scripts/servers/rabbitmq.sh exports it): run through scripts/load.sh with its own servers.");
        }

        var postgres = await PostgresServer.InspectAsync(servers.PostgresAdmin, cancellationToken);
        var broker = new BrokerProcess(servers.BrokerPidFile);
        var durability = new Durability(postgres.Fsync, postgres.SynchronousCommit, postgres.FullPageWrites, broker.SchedulerBusyWait(), LogLevels(settings));
        Progress($"work folder {settings.WorkRoot}");
        Progress($"postgres fsync={durability.PostgresFsync} synchronous_commit={durability.PostgresSynchronousCommit}; rabbitmq scheduler busy-wait {durability.BrokerSchedulerBusyWait}");
        var supply = new NoticeSupply(ReleaseFeed.Generate(settings.HubEvents, settings.Seed));

        SingleQueueResult? single = null;
        RelayResult? relay = null;
        if (!settings.SkipBaselines)
        {
            Progress($"single-queue baseline: {settings.BaselineMessages:N0} messages, then paced at {string.Join(", ", settings.PacedRates)}/s");
            single = await SingleQueueBaseline.RunAsync(servers, settings, cancellationToken);
            Progress($"single-queue baseline: {single.MessagesPerSecond:N0} msg/s");
            Progress($"fan-out relay baseline: {settings.Events:N0} events to {RelayBaseline.Recipients} queues, then paced");
            relay = await RelayBaseline.RunAsync(servers, settings, cancellationToken);
            Progress($"fan-out relay baseline: {relay.EventsPerSecond:N0} events/s, {relay.DeliveriesPerSecond:N0} deliveries/s; paced p99 {string.Join(", ", relay.Paced.Select(p => $"{p.Latency.P99:N1} ms at {p.Rate}/s"))}");
        }

        Progress("starting the router and the five workers");
        await using var stack = await RunningHub.StartAsync(servers, settings, cancellationToken);
        await using var run = new HubRun(stack, settings, servers);
        Progress($"warm-up: {settings.WarmupEvents:N0} notices in one file, {settings.WarmupHttpEvents:N0} over HTTP (untimed)");
        var warmup = await run.WarmUpAsync(supply.Take(settings.WarmupEvents), supply.Take(settings.WarmupHttpEvents), cancellationToken);

        var routerPid = stack.Processes.First(p => p.Name == "router").Pid;
        var watched = stack.Processes.Select(p => new WatchedProcess(p.Name, () => p.Pid))
            .Append(new WatchedProcess("rabbitmq", broker.Find))
            .Append(new WatchedProcess("postgres", () => postgres.Postmaster, WithChildren: true))
            .Append(new WatchedProcess("harness", () => Environment.ProcessId))
            .ToList();
        var meter = new ResourceMeter(watched, () => routerPid);
        using var scraper = new RouterScraper(stack.RouterMetrics);
        Progress($"burst: {settings.Events:N0} release notices in one file{(settings.BrokerRestartAt is { } at ? $", broker killed and restarted {at} s in" : string.Empty)}");
        var before = await scraper.ScrapeAsync(cancellationToken);
        var burstNotices = supply.Take(settings.Events);
        var (burst, usage) = await meter.MeasureAsync(() => run.BurstAsync(burstNotices, cancellationToken), cancellationToken);
        var routerTime = RouterScraper.Between(before, await scraper.ScrapeAsync(cancellationToken));
        if (settings.BrokerRestartAt is not null)
        {
            await run.ResumeAsync(cancellationToken);
        }

        var paced = new List<PacedPhase>();
        foreach (var rate in settings.PacedRates)
        {
            foreach (var path in new[] { FeedPath.Http, FeedPath.DropFolder })
            {
                Progress($"paced: {settings.PacedCount(rate):N0} notices at {rate}/s through {(path == FeedPath.Http ? "HTTP ingest" : "the drop folder")}");
                paced.Add(await run.PacedAsync(path, rate, supply.Take(settings.PacedCount(rate)), cancellationToken));
            }
        }

        return new LoadReport(started, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", settings, durability, single, relay, warmup, burst, usage, routerTime, paced, run.BrokerUnreachable);
    }

    /// <summary>The hub's log level as run: Warning unless --router-env or --worker-env set another.</summary>
    private static string LogLevels(HarnessSettings settings)
    {
        const string key = "Logging__LogLevel__Default";
        var router = settings.RouterEnvironment.GetValueOrDefault(key, HarnessSettings.HubLogLevel);
        var workers = settings.WorkerEnvironment.GetValueOrDefault(key, HarnessSettings.HubLogLevel);
        return router == workers ? router : $"{router} (router), {workers} (workers)";
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[load] {TimeProvider.System.GetUtcNow():HH:mm:ss} {message}");
}
