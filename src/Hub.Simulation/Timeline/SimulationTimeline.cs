using Hub.Simulation.Population;

namespace Hub.Simulation.Timeline;

/// <summary>
/// Every record the agencies produce inside the window, in the order they produce them. Each simulated day's records
/// come from that day's own random streams, so overlapping windows of one seed and scale agree record for record, and
/// the adapters' idempotency absorbs a re-run. A record whose instant falls after the window (a late amendment or
/// withdrawal) is left out; nothing before the window is invented, so every amendment and withdrawal in the timeline
/// follows its notice or consent in the same timeline.
/// </summary>
public sealed class SimulationTimeline
{
    private SimulationTimeline(SimulationSettings settings, SyntheticPopulation population, IReadOnlyList<ISimulatedRecord> records)
    {
        Settings = settings;
        Population = population;
        Records = records;
    }

    public SimulationSettings Settings { get; }

    public SyntheticPopulation Population { get; }

    /// <summary>Ordered by instant, then kind, then key.</summary>
    public IReadOnlyList<ISimulatedRecord> Records { get; }

    public static SimulationTimeline Generate(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Days);
        var population = new SyntheticPopulation(settings.RunKey, settings.Scale, settings.Profile);
        var releases = new ReleaseGenerator(settings, population);
        var housing = new HousingGenerator(settings, population);
        var records = new List<ISimulatedRecord>();
        for (var day = settings.Start; day < settings.Start.AddDays(settings.Days); day = day.AddDays(1))
        {
            records.AddRange(releases.Day(day).Concat(housing.Day(day)).Where(r => r.At >= settings.WindowStart && r.At < settings.WindowEnd));
        }

        records.Sort((a, b) =>
        {
            var order = a.At.CompareTo(b.At);
            order = order != 0 ? order : a.Kind.CompareTo(b.Kind);
            return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
        });
        return new SimulationTimeline(settings, population, records);
    }
}
