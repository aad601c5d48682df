using System.Globalization;
using Hub.Simulation.Formats;
using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>What <c>hub simulate</c> prints: counts per agency and record kind, never an identifier, name or address.</summary>
internal sealed class SimulationPrinter(TextWriter output)
{
    private static readonly RecordKind[] Kinds = Enum.GetValues<RecordKind>();

    public static string Label(RecordKind kind) => kind switch
    {
        RecordKind.ReleaseNotice => "probation release NEW",
        RecordKind.ReleaseAmendment => "probation release AMENDED",
        RecordKind.ConsentGiven => "probation consent GIVEN",
        RecordKind.ConsentWithdrawn => "probation consent WITHDRAWN",
        RecordKind.HousingApplication => "council housing query",
        _ => "jcp status answer",
    };

    public void Heading(SimulationSettings settings, string mode)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hub simulate: {settings.Days} simulated day(s) from {settings.Start:yyyy-MM-dd}, seed {settings.Seed}, scale {settings.Scale} (run tag {settings.RunTag}); {mode}"));
    }

    public void Plan(SimulationTimeline timeline)
    {
        var weeks = SimulationPlan.ByWeek(timeline);
        output.WriteLine("week of      " + string.Join("  ", Kinds.Select(Label)));
        foreach (var (weekStart, counts) in weeks)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{weekStart:yyyy-MM-dd}   ") + Cells(k => counts.GetValueOrDefault(k)));
        }

        output.WriteLine("total        " + Cells(k => timeline.Records.Count(r => r.Kind == k)));
        foreach (var kind in Enum.GetValues<DropFileKind>())
        {
            output.WriteLine($"  {DropFileKinds.PrefixOf(kind)}-*{DropFileKinds.ExtensionOf(kind)} -> <drop-root>/{DropFileKinds.AgencyOf(kind)}/inbox/");
        }
    }

    public void Day(DateOnly day, IReadOnlyDictionary<RecordKind, int> counts) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}   ") + Cells(k => counts.GetValueOrDefault(k)));

    public void DayHeading() => output.WriteLine("day          " + string.Join("  ", Kinds.Select(Label)));

    public void Summary(SimulationSummary summary, string root)
    {
        output.WriteLine("total        " + Cells(summary.Count));
        var files = string.Join(", ", summary.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
        output.WriteLine($"Wrote {summary.Files.Values.Sum()} file(s) ({(files.Length == 0 ? "none" : files)}) into {root}/<agency>/inbox/");
    }

    private static string Cells(Func<RecordKind, int> count) =>
        string.Join("  ", Kinds.Select(k => count(k).ToString(CultureInfo.InvariantCulture).PadLeft(Label(k).Length)));
}
