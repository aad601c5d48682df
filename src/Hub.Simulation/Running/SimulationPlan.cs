using Hub.Simulation.Timeline;

namespace Hub.Simulation.Running;

/// <summary>The dry run's answer: how many records of each kind each simulated week of the timeline holds.</summary>
public static class SimulationPlan
{
    public static IReadOnlyList<(DateOnly WeekStart, IReadOnlyDictionary<RecordKind, int> Counts)> ByWeek(SimulationTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var start = timeline.Settings.Start;
        var weeks = (timeline.Settings.Days + 6) / 7;
        return
        [
            .. Enumerable.Range(0, weeks).Select(w =>
            {
                var weekStart = start.AddDays(7 * w);
                var from = new DateTimeOffset(weekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var counts = timeline.Records
                    .Where(r => r.At >= from && r.At < from.AddDays(7))
                    .GroupBy(r => r.Kind)
                    .ToDictionary(g => g.Key, g => g.Count());
                return (weekStart, (IReadOnlyDictionary<RecordKind, int>)counts);
            }),
        ];
    }
}
