namespace Hub.Adapters.Core.Tests.Sources.Support;

/// <summary>
/// A different amount of CPU work for each item, the same every run (seeded): a stand-in for a mapper whose cost varies
/// by row, so that items prepared in parallel finish out of order.
/// </summary>
internal sealed class RandomWork(int items, int seed = 18)
{
    private readonly int[] _spins = Spins(items, seed);

    /// <summary>Spins for item <paramref name="item"/> (0 to <c>items</c>).</summary>
    public void For(int item) => Thread.SpinWait(_spins[item]);

    private static int[] Spins(int items, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, items + 1).Select(_ => random.Next(0, 200_000))];
    }
}
