using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>
/// Binds a source row (a JSON object) to the agency's record type and runs its mapper. CSV headers are snake_case
/// (<c>release_date</c> fills <c>ReleaseDate</c>); JSON exports are camelCase. Numbers and booleans given as strings
/// are accepted. A row that cannot bind is rejected naming the JSON path, never the value.
/// </summary>
public static class RecordBinder
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static RecordMapping Map<TRecord, TEvent>(JsonElement fields, RecordNaming naming, Func<TRecord, MappingResult<TEvent>> map)
        where TRecord : class
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(map);
        TRecord? record;
        try
        {
            record = fields.Deserialize<TRecord>(naming == RecordNaming.SnakeCase ? SnakeCase : CamelCase);
        }
        catch (JsonException ex)
        {
            // JsonException.Message can quote the offending value; the path names the field only.
            return RecordMapping.Rejected($"{ex.Path ?? "record"}: not of the expected type");
        }

        return record is null ? RecordMapping.Rejected("record: is empty") : map(record).ToRecordMapping();
    }

    public static RecordMapping ToRecordMapping<TEvent>(this MappingResult<TEvent> result)
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Value is { } mapped ? RecordMapping.Mapped(mapped) : RecordMapping.Rejected([.. result.Problems.Select(p => p.ToString())]);
    }
}
