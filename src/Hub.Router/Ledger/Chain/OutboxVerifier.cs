using Hub.Router.Ledger.Reading;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Compares every outbox body with the digest its decision's ledger row keeps (docs/adr/0025). The ledger row is sealed
/// and anchored; the outbox is not, and a body is what a replay sends. So a body changed after the decision, by anyone
/// who can write the outbox (the schema owner, a superuser), is named here by delivery id.
/// </summary>
public static class OutboxVerifier
{
    public const int ListedAltered = 20;

    public static async Task<OutboxVerification> VerifyAsync(ILedgerReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long checkedCount = 0, alteredCount = 0;
        var altered = new List<Guid>();
        await foreach (var delivery in reader.DigestedDeliveriesAsync(cancellationToken))
        {
            checkedCount++;
            if (!string.Equals(Digest(delivery.Body), delivery.LedgerSha256, StringComparison.Ordinal))
            {
                alteredCount++;
                if (altered.Count < ListedAltered)
                {
                    altered.Add(delivery.DeliveryId);
                }
            }
        }

        return new OutboxVerification(checkedCount, alteredCount, altered);
    }

    /// <summary>A body that is no longer JSON has been altered too.</summary>
    private static string? Digest(string body)
    {
        try
        {
            return DeliveryDigests.Of(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
