using System.CommandLine;
using System.Text.Json;
using Hub.Contracts;
using Hub.LoadHarness.Baseline;
using Hub.LoadHarness.Feed;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Report;
using Hub.LoadHarness.Servers;
using Hub.LoadHarness.Processes;

namespace Hub.LoadHarness;

/// <summary>The harness's options and its run: baseline, then the stack, then the two phases, then the report.</summary>
public static class HarnessCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(ContractJson.Options) { WriteIndented = true };

    public static RootCommand Create()
    {
        var events = new Option<int>("--events") { Description = "Release notices in the burst (throughput) phase, one file", DefaultValueFactory = _ => 2000 };
        var paced = new Option<int>("--paced-events") { Description = "One-row files in the paced (latency) phase", DefaultValueFactory = _ => 200 };
        var rate = new Option<double>("--rate") { Description = "Files per second in the paced phase (and baseline messages per second in its own)", DefaultValueFactory = _ => 10 };
        var baseline = new Option<int>("--baseline-messages") { Description = "Messages in the raw RabbitMQ throughput baseline", DefaultValueFactory = _ => 20000 };
        var bytes = new Option<int>("--message-bytes") { Description = "Size of each baseline message", DefaultValueFactory = _ => 1024 };
        var poll = new Option<int>("--poll-ms") { Description = "The probation drop folder's poll interval in milliseconds", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Simulator seed", DefaultValueFactory = _ => 1 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for drop folders, sinks and process logs (default: a new temp folder)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report as JSON here too" };
        var root = new RootCommand("AgencyHub end-to-end load harness: the router and five workers as processes on real RabbitMQ and Postgres, fed by the simulator, against a raw RabbitMQ baseline measured in the same run. Run it through scripts/load.sh.");
        foreach (var option in new Option[] { events, paced, rate, baseline, bytes, poll, seed, work, output })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var settings = new HarnessSettings(
                result.GetValue(events),
                result.GetValue(paced),
                result.GetValue(rate),
                result.GetValue(baseline),
                result.GetValue(bytes),
                TimeSpan.FromMilliseconds(result.GetValue(poll)),
                result.GetValue(seed),
                (result.GetValue(work) ?? Directory.CreateTempSubdirectory("agencyhub-load-")).FullName,
                result.GetValue(output)?.FullName);
            if (settings is not { Events: > 0, PacedEvents: > 0, PacedRate: > 0, BaselineMessages: > 0, MessageBytes: >= 8 } || settings.PollInterval <= TimeSpan.Zero)
            {
                await Console.Error.WriteLineAsync("--events, --paced-events, --rate, --baseline-messages and --poll-ms must be above 0, --message-bytes at least 8.");
                return 2;
            }

            try
            {
                await RunAsync(settings, cancellationToken);
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or RabbitMQ.Client.Exceptions.BrokerUnreachableException or Npgsql.NpgsqlException)
            {
                await Console.Error.WriteLineAsync($"[load] failed: {ex.Message}");
                return 1;
            }
        });
        return root;
    }

    private static async Task RunAsync(HarnessSettings settings, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetUtcNow();
        var servers = ServerEnvironment.FromEnvironment();
        Progress($"work folder {settings.WorkRoot}");
        var notices = ReleaseFeed.Generate(settings.Events + settings.PacedEvents, settings.Seed);

        Progress($"raw RabbitMQ baseline: {settings.BaselineMessages:N0} messages, then {settings.PacedEvents} paced at {settings.PacedRate}/s");
        var rawBaseline = await RawRabbitBaseline.RunAsync(servers, settings, cancellationToken);

        Progress("starting the router and the five workers");
        await using var stack = await RunningHub.StartAsync(servers, settings, cancellationToken);
        var run = new HubRun(stack, settings, servers);
        Progress($"burst: {settings.Events:N0} release notices in one file");
        var burst = await run.BurstAsync([.. notices.Take(settings.Events)], cancellationToken);
        Progress($"paced: {settings.PacedEvents} one-row files at {settings.PacedRate}/s");
        var pacedPhase = await run.PacedAsync([.. notices.Skip(settings.Events)], cancellationToken);

        var report = new LoadReport(started, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", settings, rawBaseline, burst, pacedPhase);
        Console.WriteLine();
        ReportPrinter.Print(report, Console.Out);
        if (settings.Out is { } path)
        {
            await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(report, ReportJson), cancellationToken);
            Progress($"report written to {path}");
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[load] {TimeProvider.System.GetUtcNow():HH:mm:ss} {message}");
}
