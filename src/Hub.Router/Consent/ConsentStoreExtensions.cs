namespace Hub.Router.Consent;

public static class ConsentStoreExtensions
{
    /// <summary>The consent with its withdrawal, if any; null when no consent of that id is registered.</summary>
    public static async Task<ConsentRecord?> FindAsync(this IConsentStore store, string consentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.FindManyAsync([consentId], cancellationToken)).GetValueOrDefault(consentId);
    }
}
