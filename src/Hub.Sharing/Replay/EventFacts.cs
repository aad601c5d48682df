using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Sharing.Replay;

/// <summary>
/// The values of an event that the ledger may hold beside its field names, so that <c>hub rules replay</c> can decide
/// agreement conditions on them: top-level enums, booleans and <see cref="CodeAttribute"/> text, never a
/// <see cref="SpecialCategoryAttribute"/> field nor anything of a special-category-health event, never longer than
/// <see cref="MaxValueLength"/>. Each is written <c>field=JSON value</c> (e.g. <c>cohortTier="mappa"</c>).
/// </summary>
public static class EventFacts
{
    /// <summary>A code longer than this is not a code: it is left out (and a replay says it depends on it).</summary>
    public const int MaxValueLength = 64;

    private static readonly ConcurrentDictionary<Type, string[]> Recordable = new();

    /// <summary>The fields of this event type whose values may be recorded, in ordinal order.</summary>
    public static IReadOnlyList<string> RecordableFields(EventTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Recordable.GetOrAdd(info.ClrType, _ => Discover(info));
    }

    /// <summary>The event's recordable values, in field order; absent and null fields are not listed.</summary>
    public static IReadOnlyList<string> Of(EventTypeInfo info, JsonElement @event)
    {
        var fields = RecordableFields(info);
        if (fields.Count == 0 || @event.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var facts = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            if (@event.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
            {
                var raw = value.GetRawText();
                if (raw.Length <= MaxValueLength + 2)
                {
                    facts.Add($"{field}={raw}");
                }
            }
        }

        return facts;
    }

    /// <summary>Splits a recorded fact into its field and JSON value.</summary>
    public static bool TryParse(string fact, out string field, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var at = fact.IndexOf('=', StringComparison.Ordinal);
        field = at > 0 ? fact[..at] : string.Empty;
        value = default;
        if (at <= 0)
        {
            return false;
        }

        try
        {
            value = JsonDocument.Parse(fact[(at + 1)..]).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string[] Discover(EventTypeInfo info)
    {
        if (info.Classification == DataClassification.SpecialCategoryHealth)
        {
            return [];
        }

        return [.. info.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<SpecialCategoryAttribute>() is null && IsCoded(p))
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsCoded(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type.IsEnum || type == typeof(bool) || (type == typeof(string) && property.GetCustomAttribute<CodeAttribute>() is not null);
    }
}
