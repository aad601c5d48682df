using System.Globalization;

namespace Hub.Reports.Display;

/// <summary>
/// Times as a person in the UK reads them: Europe/London wall-clock time with its offset, so a reader never has to
/// know that the ledger keeps UTC ("20 November 2026, 10:00:00 GMT (+00:00)", "1 July 2026, 09:30:00 BST (+01:00)").
/// </summary>
public static class LondonTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static string Format(DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            return "–";
        }

        var local = Of(value);
        var name = local.Offset == TimeSpan.Zero ? "GMT" : "BST";
        return local.ToString($"d MMMM yyyy, HH:mm:ss '{name}' '('zzz')'", CultureInfo.InvariantCulture);
    }

    public static string Date(DateTimeOffset? at) => at is { } value ? Of(value).ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "–";
}
