using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hub.Contracts;
using Hub.LoadHarness.Feed;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Chaos;

/// <summary>
/// One chaos scenario on the servers scripts/chaos.sh started for it: the router(s) and the five workers as processes,
/// a short warm-up, then one release list of <c>--events</c> rows through the probation drop folder while the fault is
/// injected once a random share of it is decided. Then the checks: every row decided, every allowed decision written by
/// its recipient's sink once and nothing else written, no delivery without its ledger row, <c>hub audit verify</c>
/// passes, no dead letters, and every process running and consuming without a restart by hand.
/// </summary>
public static class ChaosRun
{
    private static readonly JsonSerializerOptions Json = new(ContractJson.Options) { WriteIndented = true };

    /// <summary>0 when the scenario passed every check, 1 when it did not.</summary>
    public static async Task<int> RunAsync(ChaosSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Progress.Write($"{settings.Scenario.Name}: {settings.Events:N0} events, seed {settings.Seed}, bound {settings.Timeout.TotalMinutes:0.#} min; work folder {settings.WorkRoot}");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(settings.Timeout);
        ChaosResult result;
        try
        {
            result = await MeasureAsync(settings, bound.Token, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or OperationCanceledException or Npgsql.NpgsqlException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            // The stack did not start (or the warm-up failed): nothing was measured.
            result = new ChaosResult(settings.Scenario.Name, settings.Scenario.Fault, settings.Events, settings.Seed, null, null, null, null, 0, null, null, [], false, ex.Message);
        }

        await ChaosReport.WriteAsync(result, settings, Json, cancellationToken);
        return result.Passed ? 0 : 1;
    }

    private static async Task<ChaosResult> MeasureAsync(ChaosSettings settings, CancellationToken bounded, CancellationToken cancellationToken)
    {
        var scenario = settings.Scenario;
        var began = Stopwatch.GetTimestamp();
        var logs = Directory.CreateDirectory(Path.Combine(settings.WorkRoot, "logs")).FullName;
        var faultLog = Path.Combine(logs, "fault.log");
        var random = new Random(settings.Seed);
        var servers = ServerEnvironment.FromEnvironment();
        if (scenario.NeedsCluster)
        {
            // Every process lists the ingress queue's leader first, so all of them start connected to the node killed.
            var leader = await BrokerFaults.LeaderAsync(servers, faultLog, bounded);
            servers = servers with { Nodes = [.. servers.Nodes.Skip(leader - 1), .. servers.Nodes.Take(leader - 1)] };
        }

        var supply = new NoticeSupply(ReleaseFeed.Generate(ChaosSettings.WarmupEvents + (ChaosSettings.WarmupEvents / 10) + settings.Events, settings.Seed));
        await using var stack = await RunningHub.StartAsync(servers, settings.Stack, bounded);
        await using var run = new HubRun(stack, settings.Stack, servers);
        await using var ledger = new LedgerProbe(stack.Ledger);
        await run.WarmUpAsync(supply.Take(ChaosSettings.WarmupEvents), supply.Take(ChaosSettings.WarmupEvents / 10), bounded);

        var notices = supply.Take(settings.Events);
        var events = notices.Select(ReleaseFeed.EventIdOf).ToArray();
        var faultAfter = settings.FaultAfter(random);
        var injector = new FaultInjector(scenario, stack, servers, faultLog, random);
        long? decidedAtFault = null;
        string? error = null;
        var watched = scenario == ChaosScenario.RecipientKill
            ? [stack.Agencies[ProcessFaults.Recipient].Sink]
            : stack.Agencies.Values.Select(a => a.Sink).ToArray();
        await using (var watch = new ProgressWatch(async token => (scenario == ChaosScenario.RecipientKill ? 0 : await ledger.DecisionRowsAsync(token)) + SinkFiles(watched)))
        {
            Progress.Write($"{scenario.Name}: dropping {settings.Events:N0} rows; the fault comes once {faultAfter:N0} are decided");
            try
            {
                await run.BurstWithFaultAsync(notices, token => injector.RunAsync(MomentAsync, token), bounded);
                Progress.Write($"{scenario.Name}: every row decided and every queued delivery written");
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or OperationCanceledException or Npgsql.NpgsqlException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
            {
                error = bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                    ? $"not complete within its bound of {settings.Timeout.TotalMinutes:0.#} min"
                    : ex.Message;
                Progress.Write($"{scenario.Name}: {error}");
            }

            var recovery = injector is { InjectedAt: { } at, RepairedAt: { } repaired } ? watch.RecoveryAfter(at, repaired).TotalSeconds : (double?)null;
            return await CheckAsync(settings, stack, run, ledger, events, injector, decidedAtFault, recovery, began, error, cancellationToken);
        }

        async Task MomentAsync(CancellationToken token)
        {
            while ((decidedAtFault = (await ledger.DecidedAsync(events, token)).Decided) < faultAfter)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), token);
            }
        }
    }

    /// <summary>The checks after the burst (also after a failed one, to count what was lost), bounded by a few minutes of their own.</summary>
    private static async Task<ChaosResult> CheckAsync(ChaosSettings settings, RunningHub stack, HubRun run, LedgerProbe ledger, Guid[] events, FaultInjector injector, long? decidedAtFault, double? recovery, long began, string? error, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(4));
        var servers = ServerEnvironment.FromEnvironment();
        var consuming = true;
        try
        {
            await stack.WaitUntilConsumingAsync(servers, bound.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            consuming = false;
            error ??= $"not every queue has its consumer again: {ex.Message}";
        }

        var notRunning = stack.Exited;
        long? dead = null;
        ChaosTally? tally = null;
        int? verify = null;
        try
        {
            dead = (await run.DeadLettersNowAsync(bound.Token)).Values.Sum(v => (long)v);
            var sinks = new SinkScanner(stack.Agencies.ToDictionary(a => a.Key.Value, a => a.Value.Sink));
            tally = await AfterOutageAsync(() => ChaosTally.CountAsync(events, ledger, sinks, bound.Token), bound.Token);
            var (exitCode, output) = await AuditVerify.RunAsync(stack.Ledger, bound.Token);
            verify = exitCode;
            await File.WriteAllTextAsync(Path.Combine(settings.WorkRoot, "logs", "audit-verify.log"), output, bound.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or Npgsql.NpgsqlException or IOException)
        {
            error ??= $"the checks after the run failed: {ex.Message}";
        }

        return new ChaosResult(
            settings.Scenario.Name,
            injector.Detail is { } detail ? $"{settings.Scenario.Fault} [{detail}]" : settings.Scenario.Fault,
            settings.Events,
            settings.Seed,
            decidedAtFault,
            tally,
            recovery is { } r ? Math.Round(r, 1) : null,
            injector is { InjectedAt: { } at, RepairedAt: { } repaired } ? Math.Round((repaired - at).TotalSeconds, 1) : null,
            Math.Round(Stopwatch.GetElapsedTime(began).TotalSeconds, 1),
            verify,
            dead,
            notRunning,
            consuming,
            error);
    }

    /// <summary>The probe's pooled connections to a server that died fail once each: a few tries, two seconds apart.</summary>
    private static async Task<T> AfterOutageAsync<T>(Func<Task<T>> query, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await query();
            }
            catch (Npgsql.NpgsqlException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    private static long SinkFiles(IEnumerable<string> folders) =>
        folders.Where(Directory.Exists).Sum(f => (long)Directory.EnumerateFiles(f, "*.json").Count());

    internal static string Format(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";
}
