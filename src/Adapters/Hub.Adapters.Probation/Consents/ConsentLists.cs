using System.Text.RegularExpressions;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Probation.Consents;

/// <summary>The <c>;</c>-separated list columns of the consent register: purposes and recipient agency codes.</summary>
internal static partial class ConsentLists
{
    public static IReadOnlyList<string> Purposes(FieldReader fields, string? value)
    {
        var purposes = Split(value);
        if (purposes.Any(p => !PurposePattern().IsMatch(p)))
        {
            fields.Add("purposes", "must be lower-case purpose codes separated by ';'");
        }

        return purposes;
    }

    public static IReadOnlyList<AgencyCode> Recipients(FieldReader fields, string? value)
    {
        var codes = new List<AgencyCode>();
        foreach (var item in Split(value))
        {
            if (AgencyCode.TryParse(item.ToLowerInvariant(), out var code))
            {
                codes.Add(code);
            }
            else
            {
                fields.Add("recipients", "must be agency codes separated by ';'");
                return [];
            }
        }

        return [.. codes.Distinct()];
    }

    private static string[] Split(string? value) =>
        FieldReader.Optional(value)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposePattern();
}
