using System.Globalization;

namespace Hub.Simulation.Formats;

/// <summary>Value styles of the agencies' exports: ISO instants in UTC (<c>2026-11-02T09:15:00Z</c>) and <c>yyyy-MM-dd</c> dates.</summary>
internal static class Instants
{
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset? at) => at is { } value ? Text(value) : string.Empty;

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateOnly? date) => date is { } value ? Text(value) : string.Empty;

    public static string Flag(bool value) => value ? "Y" : "N";
}
