using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Contracts.Subjects;

/// <summary>
/// Police National Computer person identifier, <c>YYYY/NNNNNNNC</c>: year of creation, serial number of up to
/// seven digits and a check letter. The check letter is the serial zero-padded to seven digits, prefixed with
/// the two-digit year, taken modulo 23 and looked up in <c>ZABCDEFGHJKLMNPQRTUVWXY</c>.
/// </summary>
public static partial class PncId
{
    private const string CheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var match = Pattern().Match(value);
        return match.Success && CheckLetter(match.Groups["year"].Value, match.Groups["serial"].Value) == match.Groups["check"].Value[0];
    }

    /// <summary>Builds a well-formed PNC id for a year and serial (used by simulators and tests).</summary>
    public static string Create(int year, int serial)
    {
        var yearText = year.ToString("0000", CultureInfo.InvariantCulture);
        var serialText = serial.ToString("0000000", CultureInfo.InvariantCulture);
        return $"{yearText}/{serialText}{CheckLetter(yearText, serialText)}";
    }

    private static char CheckLetter(string year, string serial)
    {
        var twoDigitYear = year[^2..];
        var number = long.Parse(twoDigitYear + serial.PadLeft(7, '0'), CultureInfo.InvariantCulture);
        return CheckLetters[(int)(number % 23)];
    }

    [GeneratedRegex("^(?<year>[0-9]{2}|[0-9]{4})/(?<serial>[0-9]{1,7})(?<check>[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
