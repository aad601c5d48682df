using System.Diagnostics;

namespace Hub.LoadHarness.Resources;

/// <summary>
/// Accounts for CPU between two snapshots, and samples the router's resident set while running (every 200 ms: a read
/// of one /proc file, which costs the measurement nothing it would notice).
/// </summary>
public sealed class ResourceMeter(IReadOnlyList<WatchedProcess> watched, Func<int?> routerPid)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);

    private readonly long _origin = Stopwatch.GetTimestamp();

    public CpuSnapshot Snapshot() =>
        new(Stopwatch.GetElapsedTime(_origin), MachineCpu.Read(), watched.ToDictionary(w => w.Name, w => w.Read()));

    /// <summary>Runs <paramref name="phase"/> and returns its result with the CPU it cost and the router's peak memory.</summary>
    public async Task<(T Result, ResourceUsage Usage)> MeasureAsync<T>(Func<Task<T>> phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var before = Snapshot();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = PeakRssAsync(stop.Token);
        T result;
        try
        {
            result = await phase();
        }
        finally
        {
            await stop.CancelAsync();
        }

        var peak = await sampler;
        var usage = Between(before, Snapshot()) with
        {
            RouterPeakRssBytes = peak > 0 ? peak : null,
            RouterHighWaterBytes = routerPid() is { } router ? ProcStat.StatusBytes(router, "VmHWM") : null,
        };
        return (result, usage);
    }

    private async Task<long> PeakRssAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        try
        {
            while (true)
            {
                if (routerPid() is { } pid && ProcStat.StatusBytes(pid, "VmRSS") is { } rss)
                {
                    peak = Math.Max(peak, rss);
                }

                await Task.Delay(SampleEvery, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return peak;
        }
    }

    public static ResourceUsage Between(CpuSnapshot before, CpuSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var wall = (after.At - before.At).TotalSeconds;
        var cores = Environment.ProcessorCount;
        var processes = after.Processes.Select(p => Cpu(p.Key, before.Processes.GetValueOrDefault(p.Key), p.Value, wall * cores))
            .OrderByDescending(p => p.CpuSeconds).ToList();
        var busy = after.Machine.BusySeconds - before.Machine.BusySeconds;
        return new ResourceUsage(
            wall,
            cores,
            busy,
            after.Machine.IdleSeconds - before.Machine.IdleSeconds,
            processes,
            busy - processes.Sum(p => p.CpuSeconds),
            null,
            null);
    }

    private static ProcessCpu Cpu(string name, (int Pid, double Seconds)? before, (int Pid, double Seconds)? after, double coreSeconds)
    {
        if (after is not { } now)
        {
            return new ProcessCpu(name, 0, 0, "not found at the end (not on this machine, or exited)");
        }

        // A restarted process (the broker after --broker-restart-at) counts from its new start only.
        var (seconds, note) = before is { } then && then.Pid == now.Pid
            ? (now.Seconds - then.Seconds, (string?)null)
            : (now.Seconds, before is null ? "not found at the start; counted from its own start" : "restarted; counted from the restart only");
        return new ProcessCpu(name, seconds, coreSeconds > 0 ? seconds / coreSeconds : 0, note);
    }
}
