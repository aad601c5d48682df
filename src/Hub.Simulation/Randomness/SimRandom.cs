namespace Hub.Simulation.Randomness;

/// <summary>
/// A small seeded generator (SplitMix64). Used instead of <see cref="Random"/> so that a seed gives the same traffic on
/// every runtime version, and so that each simulated day and record stream can have its own independent stream: a
/// day's records then do not depend on how long the run is or on which other days were generated.
/// </summary>
public sealed class SimRandom
{
    private ulong _state;

    public SimRandom(ulong seed) => _state = seed;

    /// <summary>The stream for one purpose (e.g. <c>releases</c>) on one simulated day of a run's seed.</summary>
    public static SimRandom Stream(ulong runKey, string purpose, long day)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return new SimRandom(Mix(runKey ^ Mix(StableHash(purpose)) ^ Mix((ulong)day * 0x9E3779B97F4A7C15UL)));
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, so it cannot key a deterministic stream.</summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    public static ulong Mix(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (long)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public int Between(int min, int max) => min + (int)NextLong((long)max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[(int)NextLong(items.Count)];
    }

    /// <summary>A Poisson count with mean <paramref name="mean"/>: exact (Knuth) for small means, normal approximation above 30.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = NextDouble(); product > limit; product *= NextDouble())
        {
            count++;
        }

        return count;
    }
}
