using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;
using Hub.Router.Ledger;

namespace Hub.Router.Recalls;

/// <summary>
/// Plans the recalls a source's <see cref="RecordRetracted"/> calls for (docs/adr/0020): one per recipient the
/// ledger's outbox says received a retracted event, naming those deliveries. Only the retracting source's own
/// events of the retracted type count, so no agency can take back another's deliveries; ids never published or never
/// delivered plan nothing. The recall id is derived from the retraction, the recipient and the deliveries, so
/// planning the same retraction twice gives the same recalls.
/// </summary>
public static class RetractionPlanner
{
    public static IReadOnlyList<(Guid RecallId, string Recipient, IReadOnlyList<RecalledDelivery> Deliveries)> Plan(
        RecordRetracted retraction,
        AgencyCode source,
        IEnumerable<(OutboxState Delivery, string? EventType)> outbox)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        ArgumentNullException.ThrowIfNull(outbox);
        var retracted = retraction.RetractedEventIds.ToHashSet();
        return [.. outbox
            .Where(o => o.Delivery.Source == source.Value
                && retracted.Contains(o.Delivery.EventId)
                && string.Equals(o.EventType, retraction.RetractedEventType, StringComparison.Ordinal))
            .GroupBy(o => o.Delivery.Recipient, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var deliveries = g
                    .Select(o => new RecalledDelivery { DeliveryId = o.Delivery.DeliveryId, EventId = o.Delivery.EventId, EventType = retraction.RetractedEventType, Source = source })
                    .DistinctBy(d => d.DeliveryId)
                    .OrderBy(d => d.DeliveryId)
                    .ToList();
                var id = DeliveryIds.NameBased($"retraction|{retraction.Envelope.EventId:N}|{g.Key}|{string.Join(',', deliveries.Select(d => d.DeliveryId.ToString("N")))}");
                return (id, g.Key, (IReadOnlyList<RecalledDelivery>)deliveries);
            })];
    }

    /// <summary>The words a recipient's case worker reads on a retraction's recall. Names the reason code, no content.</summary>
    public static string Reason(RecordRetracted retraction)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        return retraction.Reason == RetractionReasons.EnteredInError
            ? "the source has marked the record these deliveries came from as entered in error; correct or erase what you hold from them and acknowledge"
            : "the source has withdrawn the request these deliveries came from; stop acting on them, correct or erase what you hold and acknowledge";
    }
}
