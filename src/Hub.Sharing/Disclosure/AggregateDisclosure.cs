using System.Text.Json;
using Hub.Contracts.Subjects;

namespace Hub.Sharing.Disclosure;

/// <summary>
/// Disclosure control for events classed aggregate / non-personal (issue 12): such an event may carry no personal data
/// anywhere in its payload. Every string and number in it, and every property name, is scanned for a subject
/// identifier (<see cref="EmbeddedIdentifiers"/>), also inside longer text. The envelope is not scanned here: the
/// envelope's own validation already refuses an aggregate event that identifies a person or cites a consent.
/// </summary>
public static class AggregateDisclosure
{
    /// <summary>The rejection code for an aggregate event that carries an identifier.</summary>
    public const string RejectionCode = "personal-data-in-aggregate";

    /// <summary>Findings reported per event; the scan itself stops there too.</summary>
    public const int MaxFindings = 5;

    private const string EnvelopeProperty = "envelope";

    /// <summary>Every place (up to <see cref="MaxFindings"/>) where <paramref name="event"/>'s payload holds an identifier.</summary>
    public static IReadOnlyList<DisclosureFinding> Scan(JsonElement @event)
    {
        var findings = new List<DisclosureFinding>();
        if (@event.ValueKind != JsonValueKind.Object)
        {
            return findings;
        }

        foreach (var property in @event.EnumerateObject())
        {
            if (!property.NameEquals(EnvelopeProperty))
            {
                Visit(property.Name, property.Value, findings);
            }
        }

        return findings;
    }

    /// <summary>The reason an ingress rejection gives, naming the paths and kinds but no value.</summary>
    public static string Describe(IReadOnlyList<DisclosureFinding> findings) =>
        $"an aggregate-non-personal event may carry no personal data, but {string.Join("; ", findings)}";

    private static void Visit(string path, JsonElement value, List<DisclosureFinding> findings)
    {
        if (findings.Count >= MaxFindings)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Add(path, EmbeddedIdentifiers.Find(value.GetString()), findings);
                break;
            case JsonValueKind.Number:
                Add(path, EmbeddedIdentifiers.FindInNumber(value.GetRawText()), findings);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Visit($"{path}[{i++}]", item, findings);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    // A name can carry an identifier too ({"9434765919": 3}); the path then names the object, never the key.
                    var inName = EmbeddedIdentifiers.Find(property.Name);
                    Add($"{path} (a property name)", inName, findings);
                    Visit(inName is null ? $"{path}.{property.Name}" : $"{path}.(withheld name)", property.Value, findings);
                }

                break;
        }
    }

    private static void Add(string path, IdentifierKind? kind, List<DisclosureFinding> findings)
    {
        if (kind is { } found && findings.Count < MaxFindings)
        {
            findings.Add(new DisclosureFinding(path, found));
        }
    }
}
