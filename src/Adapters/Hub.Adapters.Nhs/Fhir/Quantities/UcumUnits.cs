using System.Collections.Concurrent;
using Fhir.Metrics;

namespace Hub.Adapters.Nhs.Fhir.Quantities;

/// <summary>
/// UCUM unit codes checked and converted with Fhir.Metrics (its UCUM essence loaded once per process). A conversion
/// is made only when Fhir.Metrics carries it with no error (metric prefixes of one unit: µg, mg, g): never across
/// dimensions, so mL never becomes mg without a concentration. What each code is (a unit or not, its factor to mg)
/// is worked out once per code and kept: a feed uses a handful of units.
/// </summary>
public static class UcumUnits
{
    public const string System = "http://unitsofmeasure.org";

    /// <summary>More distinct codes than this are still checked, just not kept.</summary>
    private const int MaxKnownCodes = 1024;

    private static readonly Lazy<SystemOfUnits> Units = new(UCUM.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Fhir.Metrics' parser keeps no documented thread-safety promise; a code is worked out once.
    private static readonly Lock Gate = new();

    private static readonly ConcurrentDictionary<string, UcumCode> Known = new(StringComparer.Ordinal);

    public static bool IsUnit(string code) => Lookup(code).IsUnit;

    /// <summary>The value in mg when <paramref name="code"/> is a mass that converts exactly; null otherwise.</summary>
    public static decimal? ToMilligrams(decimal value, string code) => Lookup(code).MilligramsPerUnit is { } factor ? value * factor : null;

    private static UcumCode Lookup(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Known.TryGetValue(code, out var known))
        {
            return known;
        }

        var worked = WorkOut(code);
        if (Known.Count < MaxKnownCodes)
        {
            Known.TryAdd(code, worked);
        }

        return worked;
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="exponent"/> in decimal arithmetic, so a prefix stays exact.</summary>
    private static decimal Shift(decimal value, int exponent)
    {
        for (; exponent > 0; exponent--)
        {
            value *= 10m;
        }

        for (; exponent < 0; exponent++)
        {
            value /= 10m;
        }

        return value;
    }

    private static UcumCode WorkOut(string code)
    {
        lock (Gate)
        {
            Quantity canonical;
            try
            {
                canonical = Units.Value.Canonical(Units.Value.Quantity(Exponential.Exact(1m), code));
            }
#pragma warning disable CA1031 // Fhir.Metrics throws assorted exception types for a code it cannot parse; each means "not UCUM".
            catch (Exception)
#pragma warning restore CA1031
            {
                return new UcumCode(false, null);
            }

            if (canonical.Metric.Symbols != "g" || canonical.Value.Error != 0)
            {
                return new UcumCode(true, null);
            }

            return new UcumCode(true, Shift(canonical.Value.Significand, canonical.Value.Exponent + 3));
        }
    }
}
