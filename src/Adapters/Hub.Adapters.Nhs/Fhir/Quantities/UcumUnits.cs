using Fhir.Metrics;

namespace Hub.Adapters.Nhs.Fhir.Quantities;

/// <summary>
/// UCUM unit codes checked and converted with Fhir.Metrics (its UCUM essence loaded once per process). A conversion
/// is made only when Fhir.Metrics carries it with no error (metric prefixes of one unit: µg, mg, g): never across
/// dimensions, so mL never becomes mg without a concentration.
/// </summary>
public static class UcumUnits
{
    public const string System = "http://unitsofmeasure.org";

    private static readonly Lazy<SystemOfUnits> Units = new(UCUM.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Fhir.Metrics' parser keeps no documented thread-safety promise; a unit is read at most once per resource.
    private static readonly Lock Gate = new();

    public static bool IsUnit(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Canonical(1m, code) is not null;
    }

    /// <summary>The value in mg when <paramref name="code"/> is a mass that converts exactly; null otherwise.</summary>
    public static decimal? ToMilligrams(decimal value, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Canonical(value, code) is not { } canonical || canonical.Metric.Symbols != "g" || canonical.Value.Error != 0)
        {
            return null;
        }

        var grams = canonical.Value.Significand * (decimal)Math.Pow(10, canonical.Value.Exponent);
        return grams * 1000m;
    }

    private static Quantity? Canonical(decimal value, string code)
    {
        lock (Gate)
        {
            try
            {
                return Units.Value.Canonical(Units.Value.Quantity(Exponential.Exact(value), code));
            }
#pragma warning disable CA1031 // Fhir.Metrics throws assorted exception types for a code it cannot parse; each means "not UCUM".
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }
}
