using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>
/// Routes each source record by a key it carries (an HTTP route's event type, a change row's record kind) to the
/// record type and mapper registered for that key. A key with no route is rejected, naming the keys it takes.
/// </summary>
public abstract class KeyRoutedMapper<TSource> : IRecordMapper<TSource>
{
    private readonly Dictionary<string, Func<JsonElement, RecordMapping>> _routes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _routes.Keys;

    /// <summary>The key's field name, for problems: e.g. <c>eventType</c>.</summary>
    protected abstract string KeyName { get; }

    /// <summary>How the source names record fields.</summary>
    protected abstract RecordNaming Naming { get; }

    public RecordMapping Map(TSource record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        return KeyOf(record) is { } key && _routes.TryGetValue(key, out var map)
            ? map(FieldsOf(record))
            : RecordMapping.Rejected($"{KeyName}: this adapter has no mapper for it (it takes {string.Join(", ", _routes.Keys)})");
    }

    protected abstract string? KeyOf(TSource record);

    protected abstract JsonElement FieldsOf(TSource record);

    /// <summary>Records keyed <paramref name="key"/> bind to <typeparamref name="TRecord"/> and go to <paramref name="map"/>.</summary>
    protected void Route<TRecord, TEvent>(string key, Func<TRecord, MappingResult<TEvent>> map)
        where TRecord : class
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add(key, fields => RecordBinder.Map(fields, Naming, map));
    }

    /// <summary>Records keyed <paramref name="key"/> are JSON the mapper reads itself (e.g. a FHIR resource).</summary>
    protected void RouteJson<TEvent>(string key, Func<JsonElement, MappingResult<TEvent>> map)
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add(key, fields => map(fields).ToRecordMapping());
    }
}
