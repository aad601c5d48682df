using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>Deterministic event ids for source records, so a re-run publishes the same ids and the hub deduplicates.</summary>
public static class SourceEventIds
{
    public static Guid ForFileRow(AgencyCode agency, string contentSha256, int row) =>
        DeliveryIds.NameBased($"source|{agency.Value}|file|{contentSha256}|{row}");

    public static Guid ForChange(AgencyCode agency, string table, long changeId) =>
        DeliveryIds.NameBased($"source|{agency.Value}|change|{table}|{changeId}");

    public static Guid ForHttpBody(AgencyCode agency, string eventType, ReadOnlySpan<byte> body) =>
        DeliveryIds.NameBased($"source|{agency.Value}|http|{eventType}|{Sha256(body)}");

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The event with its envelope's event id set; a JSON round trip because the event's type is open.</summary>
    public static IShareableEvent WithEventId(IShareableEvent @event, Guid eventId)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        var node = JsonSerializer.SerializeToNode(@event, type, ContractJson.Options)!.AsObject();
        node["envelope"]!["eventId"] = eventId;
        return (IShareableEvent)node.Deserialize(type, ContractJson.Options)!;
    }
}
