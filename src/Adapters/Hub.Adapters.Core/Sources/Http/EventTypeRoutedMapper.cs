using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// HTTP ingest of the agency's own record shapes: <c>POST /events/{eventType}</c> binds the camelCase body to the
/// record type routed for that event type and runs its mapper. A catalogued type with no route is refused (422).
/// </summary>
public abstract class EventTypeRoutedMapper : KeyRoutedMapper<HttpIngestRecord>
{
    public IReadOnlyCollection<string> EventTypes => Keys;

    protected override string KeyName => "eventType";

    protected override RecordNaming Naming => RecordNaming.CamelCase;

    protected override string? KeyOf(HttpIngestRecord record) => record.EventType;

    protected override JsonElement FieldsOf(HttpIngestRecord record) => record.Body;
}
