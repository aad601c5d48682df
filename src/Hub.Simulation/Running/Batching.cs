using Hub.Simulation.Formats;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Running;

/// <summary>
/// Cuts a timeline into files: one per kind per simulated period, in time order, and within a period in
/// <see cref="DropFileKind"/> order (consents before the release list that cites them). Empty periods write nothing.
/// </summary>
public static class Batching
{
    public static IReadOnlyList<SimulationBatch> Split(SimulationTimeline timeline, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var start = timeline.Settings.WindowStart;
        return
        [
            .. timeline.Records
                .GroupBy(r => (Slot: (r.At - start).Ticks / period.Ticks, Kind: DropFileKinds.Of(r.Kind)))
                .OrderBy(g => g.Key.Slot)
                .ThenBy(g => g.Key.Kind)
                .Select(g => new SimulationBatch(
                    start.AddTicks(g.Key.Slot * period.Ticks),
                    start.AddTicks((g.Key.Slot + 1) * period.Ticks),
                    g.Key.Kind,
                    [.. g])),
        ];
    }

    /// <summary>
    /// The period when none is asked for: an hour of simulated time per file while that is at least a few real seconds,
    /// a day per file when the speed-up would otherwise write files faster than an adapter's poll interval (5 s) takes them.
    /// </summary>
    public static TimeSpan DefaultPeriod(double speedup) => speedup <= 720 ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
}
