using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// For agencies whose systems already speak the contract: the body is the event itself (ContractJson), with its
/// own envelope and event id. Problems name the JSON path, never the value.
/// </summary>
public sealed class ContractShapeMapper : IRecordMapper<HttpIngestRecord>
{
    public RecordMapping Map(HttpIngestRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!EventCatalogue.TryGet(record.EventType, out var info))
        {
            return RecordMapping.Rejected("eventType is not a catalogued event type");
        }

        try
        {
            return record.Body.Deserialize(info.ClrType, ContractJson.Options) is IShareableEvent @event
                ? RecordMapping.Mapped(@event)
                : RecordMapping.Rejected("body is not an event");
        }
        catch (JsonException ex)
        {
            // JsonException.Path names the field; its Message can quote the offending value, so it is not used.
            return RecordMapping.Rejected($"{ex.Path ?? "body"} is missing or not of the contract's type");
        }
    }
}
