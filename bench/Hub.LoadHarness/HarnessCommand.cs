using System.CommandLine;
using System.Globalization;

namespace Hub.LoadHarness;

/// <summary>The harness's options; <see cref="HarnessRun"/> does the run.</summary>
public static class HarnessCommand
{
    public static RootCommand Create()
    {
        var events = new Option<int>("--events") { Description = "Release notices in the burst (one file through the probation drop folder), and relay baseline events at full speed", DefaultValueFactory = _ => 20000 };
        var warmup = new Option<int>("--warmup-events") { Description = "Untimed warm-up before any timing: this many through the drop folder and a tenth over HTTP; the baselines warm up with as many messages", DefaultValueFactory = _ => 500 };
        var rates = new Option<string>("--paced-rates") { Description = "Offered rates in events a second, comma-separated: each runs through HTTP ingest, then the drop folder, and in both baselines", DefaultValueFactory = _ => "50,200,500" };
        var seconds = new Option<double>("--paced-seconds") { Description = "Seconds each paced phase offers events", DefaultValueFactory = _ => 10 };
        var baseline = new Option<int>("--baseline-messages") { Description = "Messages in the single-queue baseline at full speed", DefaultValueFactory = _ => 20000 };
        var bytes = new Option<int>("--message-bytes") { Description = "Size of each baseline message", DefaultValueFactory = _ => 1024 };
        var poll = new Option<int>("--poll-ms") { Description = "The probation drop folder's poll interval in milliseconds", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Simulator seed", DefaultValueFactory = _ => 1 };
        var routerEnv = new Option<string[]>("--router-env") { Description = "KEY=VALUE added to the router's environment, e.g. Router__PrefetchCount=512 (repeatable; overrides the harness's own)", Arity = ArgumentArity.ZeroOrMore };
        var workerEnv = new Option<string[]>("--worker-env") { Description = "KEY=VALUE added to every worker's environment (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var restart = new Option<double?>("--broker-restart-at") { Description = "Seconds into the burst at which to kill -9 the RabbitMQ node and restart it; the run then checks every event was delivered once in effect" };
        var skip = new Option<bool>("--skip-baselines") { Description = "Hub phases only, no baselines and so no ratios (quick checks)" };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for drop folders, sinks and process logs (default: a new temp folder)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report as JSON here too" };
        var root = new RootCommand(
            "AgencyHub end-to-end load harness: the router and five workers as processes on real RabbitMQ and Postgres, fed by the simulator " +
            "through the drop folder and HTTP ingest, against a single-queue and a fan-out relay baseline measured in the same run. Run it through scripts/load.sh.");
        foreach (var option in new Option[] { events, warmup, rates, seconds, baseline, bytes, poll, seed, routerEnv, workerEnv, restart, skip, work, output })
        {
            root.Options.Add(option);
        }

        // scripts/chaos.sh: one fault under load per run (docs/reliability.md#chaos-suite).
        root.Subcommands.Add(Chaos.ChaosCommand.Create());

        root.SetAction(async (result, cancellationToken) =>
        {
            if (!TryRates(result.GetValue(rates), out var pacedRates)
                || !TryEnvironment(result.GetValue(routerEnv), out var router)
                || !TryEnvironment(result.GetValue(workerEnv), out var worker))
            {
                await Console.Error.WriteLineAsync("--paced-rates takes positive numbers separated by commas (e.g. 50,200,500); --router-env and --worker-env take KEY=VALUE.");
                return 2;
            }

            var settings = new HarnessSettings(
                result.GetValue(events),
                result.GetValue(warmup),
                pacedRates,
                result.GetValue(seconds),
                result.GetValue(baseline),
                result.GetValue(bytes),
                TimeSpan.FromMilliseconds(result.GetValue(poll)),
                result.GetValue(seed),
                (result.GetValue(work) ?? Directory.CreateTempSubdirectory("agencyhub-load-")).FullName,
                result.GetValue(output)?.FullName,
                router,
                worker,
                result.GetValue(restart),
                result.GetValue(skip));
            if (settings is not { Events: > 0, WarmupEvents: > 0, PacedSeconds: > 0, BaselineMessages: > 0, MessageBytes: >= Baseline.TimedMessage.MinimumBytes } || settings.PollInterval <= TimeSpan.Zero || settings.BrokerRestartAt <= 0)
            {
                await Console.Error.WriteLineAsync($"--events, --warmup-events, --paced-seconds, --baseline-messages, --poll-ms and --broker-restart-at must be above 0, --message-bytes at least {Baseline.TimedMessage.MinimumBytes}.");
                return 2;
            }

            return await HarnessRun.RunAsync(settings, cancellationToken);
        });
        return root;
    }

    private static bool TryRates(string? text, out IReadOnlyList<double> rates)
    {
        var parsed = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : (double?)null).ToList();
        rates = [.. parsed.OfType<double>().Distinct()];
        return parsed.All(r => r is not null);
    }

    private static bool TryEnvironment(string[]? pairs, out IReadOnlyDictionary<string, string> environment)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        environment = parsed;
        foreach (var pair in pairs ?? [])
        {
            if (pair.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                parsed[pair[..equals]] = pair[(equals + 1)..];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
