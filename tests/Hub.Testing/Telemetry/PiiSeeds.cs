using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Testing.Telemetry;

/// <summary>
/// The personal data a scenario seeds, read from its events' JSON: every subject identifier; every value of a field
/// that names a person, a date of birth, an address, contact details, clinical free text or a per-person record id;
/// every postcode inside any value; and every other free-text payload value (eight or more characters with a space,
/// such as an establishment or a summary). Codes from closed vocabularies (purposes, areas, tiers) are not personal
/// and legitimately appear as span attributes, so single-word values of other fields are not seeds.
/// </summary>
public static partial class PiiSeeds
{
    private static readonly string[] PersonalFieldWords =
    [
        "name", "birth", "dob", "address", "postcode", "phone", "email", "nhsnumber", "pncid", "nino", "localid",
        "summary", "encounterid", "assessmentid", "referralid", "familyid", "registrationid", "queryid", "evidenceref",
    ];

    public static IReadOnlyCollection<string> FromEvent(JsonElement @event, IReadOnlySet<string> notPersonal)
    {
        ArgumentNullException.ThrowIfNull(notPersonal);
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in @event.EnumerateObject())
        {
            if (property.NameEquals("envelope"))
            {
                if (property.Value.TryGetProperty("subject", out var subject))
                {
                    Walk(subject, "subject", seeds, everything: true, notPersonal);
                }
            }
            else
            {
                Walk(property.Value, property.Name, seeds, everything: false, notPersonal);
            }
        }

        return seeds;
    }

    private static void Walk(JsonElement element, string field, HashSet<string> seeds, bool everything, IReadOnlySet<string> notPersonal)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, seeds, everything, notPersonal);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, field, seeds, everything, notPersonal);
                }

                break;
            case JsonValueKind.String:
                var value = element.GetString()!.Trim();
                foreach (Match postcode in Postcode().Matches(value))
                {
                    seeds.Add(postcode.Value);
                }

                var personalField = PersonalFieldWords.Any(w => field.Contains(w, StringComparison.OrdinalIgnoreCase));
                if ((everything || personalField) && !Guid.TryParse(value, out _))
                {
                    seeds.Add(value);
                }
                else if (value.Length >= 8 && value.Contains(' ', StringComparison.Ordinal) && !notPersonal.Contains(value) && !IsDateOrTime(value))
                {
                    seeds.Add(value);
                }

                break;
        }
    }

    private static bool IsDateOrTime(string value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
        || TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
