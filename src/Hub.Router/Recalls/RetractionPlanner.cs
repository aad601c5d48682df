using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;

namespace Hub.Router.Recalls;

/// <summary>
/// Plans the recalls a source's <see cref="RecordRetracted"/> calls for (docs/adr/0020): one per recipient the
/// ledger says received a retracted event, naming those deliveries. Only the retracting source's own events of the
/// retracted type count, so no agency can take back another's deliveries; ids never published or never delivered
/// plan nothing. The recall id is derived from the retraction, the recipient and the deliveries, so planning the
/// same retraction twice gives the same recalls.
/// </summary>
public static class RetractionPlanner
{
    public static IReadOnlyList<(Guid RecallId, string Recipient, IReadOnlyList<RecalledDelivery> Deliveries)> Plan(
        RecordRetracted retraction,
        AgencyCode source,
        IEnumerable<(string Recipient, RecalledDelivery Delivery)> delivered)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        ArgumentNullException.ThrowIfNull(delivered);
        var retracted = retraction.RetractedEventIds.ToHashSet();
        return [.. delivered
            .Where(d => d.Delivery.Source == source
                && retracted.Contains(d.Delivery.EventId)
                && string.Equals(d.Delivery.EventType, retraction.RetractedEventType, StringComparison.Ordinal))
            .GroupBy(d => d.Recipient, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var deliveries = g.Select(d => d.Delivery).DistinctBy(d => d.DeliveryId).OrderBy(d => d.DeliveryId).ToList();
                var id = DeliveryIds.NameBased($"retraction|{retraction.Envelope.EventId:N}|{g.Key}|{string.Join(',', deliveries.Select(d => d.DeliveryId.ToString("N")))}");
                return (id, g.Key, (IReadOnlyList<RecalledDelivery>)deliveries);
            })];
    }

    /// <summary>The words a recipient's case worker reads on a retraction's recall. Names the reason code, no content.</summary>
    public static string Reason(string reasonCode) => reasonCode == RetractionReasons.EnteredInError
        ? "the source has marked the record these deliveries came from as entered in error; correct or erase what you hold from them and acknowledge"
        : "the source has withdrawn the request these deliveries came from; stop acting on them, correct or erase what you hold and acknowledge";
}
