using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;

namespace Hub.Router.Recalls;

/// <summary>
/// Groups the deliveries a cause calls back, and no recall of that cause names yet, into one new recall per recipient.
/// The recall id is derived from the cause, the recipient and the deliveries, so planning the same deliveries twice
/// gives the same recall, and a delivery committed after an earlier recall gets a recall of its own.
/// </summary>
public static class RecallPlanner
{
    public static IReadOnlyList<(Guid RecallId, string Recipient, IReadOnlyList<RecalledDelivery> Deliveries)> Plan(RecallCause cause, IEnumerable<(string Recipient, RecalledDelivery Delivery)> unrecalled)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(unrecalled);
        return [.. unrecalled
            .GroupBy(u => u.Recipient, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var deliveries = g.Select(u => u.Delivery).DistinctBy(d => d.DeliveryId).OrderBy(d => d.DeliveryId).ToList();
                var id = DeliveryIds.NameBased($"{cause.IdPrefix}|{g.Key}|{string.Join(',', deliveries.Select(d => d.DeliveryId.ToString("N")))}");
                return (id, g.Key, (IReadOnlyList<RecalledDelivery>)deliveries);
            })];
    }

    /// <summary>The words a recipient's case worker reads on the recall. Names the consent or the reason code, no content.</summary>
    public static string Reason(RecallNotice recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return recall.Cause.Kind switch
        {
            RecallCauseKind.ConsentWithdrawal =>
                $"consent {recall.ConsentId} has been withdrawn; these deliveries were shared on that consent alone, so erase them or restrict their use (UK GDPR Art. 17(1)(b), Art. 19) and acknowledge",
            _ when recall.ReasonCode == RetractionReasons.EnteredInError =>
                "the source has marked the record these deliveries came from as entered in error; correct or erase what you hold from them and acknowledge",
            _ => "the source has withdrawn the request these deliveries came from; stop acting on them, correct or erase what you hold and acknowledge",
        };
    }
}
