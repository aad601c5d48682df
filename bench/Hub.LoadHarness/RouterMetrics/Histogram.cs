using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.LoadHarness.RouterMetrics;

/// <summary>
/// One Prometheus histogram summed over all its label sets: cumulative bucket counts by upper bound (seconds), the sum
/// and the count. Two scrapes subtract to the observations made between them.
/// </summary>
public sealed partial record Histogram(IReadOnlyList<(double UpperBound, double Count)> Buckets, double Sum, double Count)
{
    public static readonly Histogram Empty = new([], 0, 0);

    /// <summary>The histogram <paramref name="name"/> (without <c>_bucket</c>) in Prometheus text exposition.</summary>
    public static Histogram Parse(string exposition, string name)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var buckets = new SortedDictionary<double, double>();
        double sum = 0, count = 0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var series = line[..line.IndexOfAny(['{', ' '])];
            var value = Value(line);
            if (series == name + "_bucket" && LeLabel().Match(line) is { Success: true } le)
            {
                var bound = le.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(le.Groups[1].Value, CultureInfo.InvariantCulture);
                buckets[bound] = buckets.GetValueOrDefault(bound) + value;
            }
            else if (series == name + "_sum")
            {
                sum += value;
            }
            else if (series == name + "_count")
            {
                count += value;
            }
        }

        return new Histogram([.. buckets.Select(b => (b.Key, b.Value))], sum, count);
    }

    /// <summary>The observations made since <paramref name="earlier"/> (the same series scraped before).</summary>
    public Histogram Since(Histogram earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var before = earlier.Buckets.ToDictionary(b => b.UpperBound, b => b.Count);
        return new Histogram([.. Buckets.Select(b => (b.UpperBound, b.Count - before.GetValueOrDefault(b.UpperBound)))], Sum - earlier.Sum, Count - earlier.Count);
    }

    /// <summary>The <paramref name="quantile"/> in seconds, interpolated linearly inside its bucket; the last finite bound when it falls in +Inf.</summary>
    public double Quantile(double quantile)
    {
        if (Count <= 0)
        {
            return double.NaN;
        }

        var target = quantile * Count;
        double lowerBound = 0, lowerCount = 0;
        foreach (var (upper, cumulative) in Buckets)
        {
            if (cumulative >= target)
            {
                return double.IsPositiveInfinity(upper) || cumulative == lowerCount
                    ? lowerBound
                    : lowerBound + ((upper - lowerBound) * (target - lowerCount) / (cumulative - lowerCount));
            }

            (lowerBound, lowerCount) = (upper, cumulative);
        }

        return lowerBound;
    }

    private static double Value(string line)
    {
        // name{labels} value [timestamp]: label values may hold blanks, so read after the closing brace.
        var rest = line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : line.IndexOf(' ', StringComparison.Ordinal))..].Trim();
        var token = rest.Split(' ')[0];
        return token switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(token, CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex LeLabel();
}
