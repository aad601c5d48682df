using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Cli.Commands.Ops;

/// <summary>Reads <c>--older-than</c>: a whole number and a unit, <c>30m</c>, <c>12h</c> or <c>7d</c>.</summary>
public static partial class AgeParser
{
    public static bool TryParse(string? text, out TimeSpan age)
    {
        age = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return false;
        }

        age = match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return true;
    }

    [GeneratedRegex("^(?<n>[0-9]{1,5})(?<unit>[mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
