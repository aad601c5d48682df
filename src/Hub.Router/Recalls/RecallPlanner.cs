using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Recalls;

/// <summary>
/// Groups the consent-based deliveries no recall names yet into one new recall per recipient. The recall id is
/// derived from the consent, the recipient and the deliveries, so planning the same deliveries twice gives the
/// same recall, and a delivery committed after an earlier recall gets a recall of its own.
/// </summary>
public static class RecallPlanner
{
    public static IReadOnlyList<(Guid RecallId, string Recipient, IReadOnlyList<RecalledDelivery> Deliveries)> Plan(string consentId, IEnumerable<(string Recipient, RecalledDelivery Delivery)> unrecalled)
    {
        ArgumentNullException.ThrowIfNull(unrecalled);
        return [.. unrecalled
            .GroupBy(u => u.Recipient, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var deliveries = g.Select(u => u.Delivery).OrderBy(d => d.DeliveryId).ToList();
                var id = DeliveryIds.NameBased($"recall|{consentId}|{g.Key}|{string.Join(',', deliveries.Select(d => d.DeliveryId.ToString("N")))}");
                return (id, g.Key, (IReadOnlyList<RecalledDelivery>)deliveries);
            })];
    }

    /// <summary>The words a recipient's case worker reads on the recall.</summary>
    public static string Reason(string consentId) =>
        $"consent {consentId} has been withdrawn; these deliveries were shared on that consent alone, so erase them or restrict their use (UK GDPR Art. 17(1)(b), Art. 19) and acknowledge";
}
