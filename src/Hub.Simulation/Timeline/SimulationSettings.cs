using System.Globalization;
using Hub.Simulation.Randomness;
using Hub.Simulation.Workload;

namespace Hub.Simulation.Timeline;

/// <summary>What to simulate: the window of simulated days, the seed, and the scale (borough-years per year).</summary>
public sealed record SimulationSettings
{
    /// <summary>The first simulated day (UTC midnight starts the window).</summary>
    public required DateOnly Start { get; init; }

    public required int Days { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Multiplies every volume and pool; 1 is one borough (Lewisham, §4a). §4d suggests 13 or 63 for stress tests.</summary>
    public double Scale { get; init; } = 1;

    public WorkloadProfile Profile { get; init; } = WorkloadProfile.Lewisham;

    public DateTimeOffset WindowStart => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset WindowEnd => WindowStart.AddDays(Days);

    /// <summary>Keys every random stream: the same seed and scale give the same records, day by day.</summary>
    public ulong RunKey => SimRandom.Mix((ulong)Seed) ^ SimRandom.Mix(SimRandom.StableHash(Scale.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Part of every record key (notice ids, consent ids, application refs): the adapters derive event ids from those
    /// keys, so two runs with different seeds or scales must never reuse a key for different content.
    /// </summary>
    public string RunTag => (RunKey & 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);
}
