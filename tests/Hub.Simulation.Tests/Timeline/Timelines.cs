using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Timeline;

/// <summary>Timelines the tests share: generating a year takes a moment, so each is made once per test run.</summary>
internal static class Timelines
{
    private static readonly Lazy<SimulationTimeline> LazyYear = new(() => Generate(days: 364, seed: 7));

    public static SimulationTimeline Year => LazyYear.Value;

    public static SimulationTimeline Generate(int days, int seed = 7, double scale = 1, DateOnly? start = null) =>
        SimulationTimeline.Generate(new SimulationSettings { Start = start ?? new DateOnly(2026, 1, 5), Days = days, Seed = seed, Scale = scale });

    public static IEnumerable<T> Of<T>(this SimulationTimeline timeline) => timeline.Records.OfType<T>();
}
