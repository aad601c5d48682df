using Hub.LoadHarness.RouterMetrics;
using static Hub.LoadHarness.Report.ReportPrinter;

namespace Hub.LoadHarness.Report;

/// <summary>
/// "Where the burst's time went": CPU seconds of every process over the burst, the machine's busy and idle time, the
/// router's memory and its own processing and lag histograms, and a plain reading of them.
/// </summary>
public static class ResourcePrinter
{
    private const double Saturated = 0.85;

    public static void Print(LoadReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var usage = report.BurstResources;
        var coreSeconds = usage.WallSeconds * usage.Cores;
        var busyShare = usage.MachineBusySeconds / coreSeconds;
        output.WriteLine(Line($"Where the burst's time went ({usage.WallSeconds:N1} s from the drop until the harness saw every delivery written, {usage.Cores} cores = {coreSeconds:N1} core-seconds)"));
        output.WriteLine(Line($"  machine         {usage.MachineBusySeconds,8:N1} core-s busy ({busyShare:P0}), {usage.MachineIdleSeconds:N1} idle or waiting for I/O"));
        foreach (var process in usage.Processes)
        {
            var perEvent = process.CpuSeconds / report.Burst.Events * 1000;
            output.WriteLine(Line($"  {process.Name,-15} {process.CpuSeconds,8:N1} s CPU  {process.ShareOfMachine,6:P1}  {perEvent,7:N2} ms per event{(process.Note is null ? string.Empty : $"  ({process.Note})")}"));
        }

        output.WriteLine(Line($"  {"unaccounted",-15} {usage.UnaccountedSeconds,8:N1} s CPU  (kernel threads, other processes on the machine)"));
        output.WriteLine(Line($"  router memory   peak RSS {Mib(usage.RouterPeakRssBytes)} sampled during the burst, VmHWM {Mib(usage.RouterHighWaterBytes)} since start"));
        var router = report.BurstRouter;
        if (router.Processing is { } processing && router.IngressLag is { } lag)
        {
            output.WriteLine(Line($"  router's own /metrics over the burst (percentiles interpolated in its histogram buckets):"));
            output.WriteLine(Line($"    processing    {Histogram(processing)}   validate, decide, ledger commit, send"));
            output.WriteLine(Line($"    ingress lag   {Histogram(lag)}   adapter publish to router consume"));
        }
        else
        {
            output.WriteLine(Line($"  router's own /metrics: {router.Problem}"));
        }

        output.WriteLine(Line($"  reading: {Reading(report, busyShare)}"));
    }

    private static string Reading(LoadReport report, double busyShare)
    {
        var usage = report.BurstResources;
        var top = string.Join(", ", usage.Processes.Take(3).Select(p => Line($"{p.Name} {p.ShareOfMachine:P0}")));
        var cpu = busyShare >= Saturated
            ? Line($"the CPU was saturated ({busyShare:P0} busy; {top}): the burst was CPU-bound.")
            : Line($"the CPU was {busyShare:P0} busy ({top}): not CPU-bound, so the pace was set by waiting (commit flushes, broker confirms, one-at-a-time round trips).");
        if (report.BurstRouter is not { Processing: { Count: > 0 } processing, IngressLag: { Count: > 0 } lag })
        {
            return cpu;
        }

        var router = lag.P50Ms > 10 * processing.MeanMs
            ? Line($" Events waited a median {lag.P50Ms / 1000:N1} s in the ingress queue and then took a mean {processing.MeanMs:N1} ms inside the router: the burst queued in front of the router.")
            : Line($" Events waited a median {lag.P50Ms:N0} ms before the router took them (a mean {processing.MeanMs:N1} ms inside it): the router kept up, so the pace was set before it (the source).");
        return cpu + router;
    }

    private static string Histogram(HistogramSummary h) =>
        Line($"{h.Count,8:N0} events   mean {h.MeanMs,9:N1} ms   p50 {h.P50Ms,9:N1} ms   p95 {h.P95Ms,9:N1} ms   p99 {h.P99Ms,9:N1} ms");

    private static string Mib(long? bytes) => bytes is { } b ? Line($"{b / 1048576.0:N0} MiB") : "unknown";
}
