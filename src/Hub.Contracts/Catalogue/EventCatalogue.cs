using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Contracts.Catalogue;

/// <summary>Every shareable event type in this contracts assembly, found by its <see cref="EventTypeAttribute"/>.</summary>
public static class EventCatalogue
{
    private static readonly FrozenDictionary<string, EventTypeInfo> ByName = Discover().ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
    private static readonly FrozenDictionary<Type, EventTypeInfo> ByType = ByName.Values.ToFrozenDictionary(e => e.ClrType);

    public static IReadOnlyCollection<EventTypeInfo> All => ByName.Values;

    public static bool TryGet(string name, out EventTypeInfo info) => ByName.TryGetValue(name, out info!);

    public static bool TryGet(Type clrType, out EventTypeInfo info) => ByType.TryGetValue(clrType, out info!);

    public static EventTypeInfo For<TEvent>()
        where TEvent : IShareableEvent =>
        ByType.TryGetValue(typeof(TEvent), out var info)
            ? info
            : throw new InvalidOperationException($"{typeof(TEvent).Name} has no [EventType] attribute.");

    private static IEnumerable<EventTypeInfo> Discover()
    {
        foreach (var type in typeof(EventCatalogue).Assembly.GetExportedTypes())
        {
            var attribute = type.GetCustomAttribute<EventTypeAttribute>();
            if (attribute is null || !typeof(IShareableEvent).IsAssignableFrom(type))
            {
                continue;
            }

            var special = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<SpecialCategoryAttribute>() is not null)
                .Select(JsonName)
                .ToArray();
            yield return new EventTypeInfo(attribute.Name, type, FieldsOf(type, attribute.Classification), attribute.Classification, special);
        }
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>Top-level JSON property names other than the envelope, plus the subject identifiers unless the event is aggregate.</summary>
    private static string[] FieldsOf(Type type, DataClassification classification)
    {
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(IShareableEvent.Envelope))
            .Select(JsonName)
            .ToList();
        if (classification != DataClassification.AggregateNonPersonal)
        {
            fields.AddRange(SubjectIdentifiers.FieldNames);
        }
        return [.. fields.Order(StringComparer.Ordinal)];
    }
}
