using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// The values of a resource that must never reach a refusal's text: identifier values (NHS numbers, NINOs, local
/// ids, consent refs), names, addresses, narrative and display text, and every date or dateTime.
/// </summary>
public static partial class ResourceValues
{
    private static readonly HashSet<string> PersonalKeys = new(StringComparer.Ordinal)
    {
        "value", "family", "given", "text", "display", "birthDate", "line", "city", "postalCode",
    };

    public static IReadOnlyList<string> PersonalIn(JsonElement resource)
    {
        var values = new List<string>();
        Collect(resource, null, values);
        return [.. values.Where(v => v.Length >= 4).Distinct(StringComparer.Ordinal)];
    }

    private static void Collect(JsonElement element, string? key, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, key, values);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if ((key is not null && PersonalKeys.Contains(key)) || DateLike().IsMatch(text))
                {
                    values.Add(text);
                }

                break;
        }
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?(T.*)?$")]
    private static partial Regex DateLike();
}
