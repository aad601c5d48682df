using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// HTTP ingest of the agency's own record shapes: <c>POST /events/{eventType}</c> binds the camelCase body to the
/// record type routed for that event type and runs its mapper. A catalogued type with no route is refused (422).
/// </summary>
public abstract class EventTypeRoutedMapper : IRecordMapper<HttpIngestRecord>
{
    private readonly Dictionary<string, Func<HttpIngestRecord, RecordMapping>> _routes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> EventTypes => _routes.Keys;

    public RecordMapping Map(HttpIngestRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _routes.TryGetValue(record.EventType, out var map)
            ? map(record)
            : RecordMapping.Rejected($"eventType: this adapter does not ingest it over HTTP (it takes {string.Join(", ", _routes.Keys)})");
    }

    /// <summary>Bodies POSTed for <paramref name="eventType"/> are <typeparamref name="TRecord"/> records.</summary>
    protected void Route<TRecord, TEvent>(string eventType, Func<TRecord, MappingResult<TEvent>> map)
        where TRecord : class
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add(eventType, record => RecordBinder.Map(record.Body, RecordNaming.CamelCase, map));
    }

    /// <summary>Bodies POSTed for <paramref name="eventType"/> are JSON the mapper reads itself (e.g. a FHIR resource).</summary>
    protected void RouteJson<TEvent>(string eventType, Func<JsonElement, MappingResult<TEvent>> map)
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add(eventType, record => map(record.Body).ToRecordMapping());
    }
}
