using System.Globalization;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>How values read in the narrative of the FHIR records the NHS receives: plain words and ISO dates.</summary>
public static class NarrativeText
{
    public static string Format(bool flag) => flag ? "yes" : "no";

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    public static string Format(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
