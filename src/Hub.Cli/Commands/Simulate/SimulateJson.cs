using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>
/// <c>hub simulate --format json</c>, shape <see cref="Schema"/>: the mode and settings, then what the mode produced:
/// the weekly plan (<c>dry-run</c>), the counts per simulated day and the files written (<c>drop-folder</c>), or the
/// drop-folder processor's and the router's counts (<c>embedded</c>, <see cref="SimulatedRunJson"/>). Counts only.
/// </summary>
internal static class SimulateJson
{
    public const string Schema = "agencyhub.simulate/1";

    public static object DryRun(SimulationSettings settings, SimulationTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new
        {
            schema = Schema,
            mode = "dry-run",
            settings = Settings(settings),
            weeks = SimulationPlan.ByWeek(timeline).Select(w => new { weekOf = w.WeekStart, records = Counts(k => w.Counts.GetValueOrDefault(k)) }),
            records = Counts(k => timeline.Records.Count(r => r.Kind == k)),
        };
    }

    public static object DropFolder(SimulationSettings settings, double speedup, TimeSpan period, IEnumerable<object> days, SimulationSummary summary, string root)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new
        {
            schema = Schema,
            mode = "drop-folder",
            settings = Settings(settings),
            speedup,
            batch = period == TimeSpan.FromDays(1) ? "day" : "hour",
            dropRoot = root,
            days,
            records = Counts(summary.Count),
            files = summary.Files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value),
        };
    }

    public static object Day(DateOnly day, IReadOnlyDictionary<RecordKind, int> counts) => new { day, records = Counts(k => counts.GetValueOrDefault(k)) };

    public static object Settings(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new { start = settings.Start, days = settings.Days, seed = settings.Seed, scale = settings.Scale, runTag = settings.RunTag };
    }

    /// <summary>Records per kind, every kind present, keyed by the kind's kebab-case name (release-notice, …).</summary>
    public static Dictionary<string, int> Counts(Func<RecordKind, int> count) =>
        Enum.GetValues<RecordKind>().ToDictionary(Name, count, StringComparer.Ordinal);

    private static string Name(RecordKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
