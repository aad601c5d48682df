using System.Text.Json;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>One POSTed record: the event type named in the route and the JSON object body.</summary>
public sealed record HttpIngestRecord(string EventType, JsonElement Body);
