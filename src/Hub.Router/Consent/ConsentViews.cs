using Hub.Contracts.Envelope;
using Hub.Sharing.Consent;

namespace Hub.Router.Consent;

/// <summary>Builds, per event, the consent view the engine decides with: one registry read (grouped with other events' reads), only when the event cites a consent.</summary>
public sealed class ConsentViews(ConsentLookups lookups)
{
    /// <param name="subjectPseudonyms">The event's subject pseudonyms, as the ingress path already computed them for the ledger.</param>
    public async Task<IConsentView> ForEventAsync(EventEnvelope envelope, IReadOnlyList<string> subjectPseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var consentRef = envelope.Consent?.ConsentRef;
        if (string.IsNullOrWhiteSpace(consentRef))
        {
            return ConsentSnapshot.Empty;
        }

        var record = await lookups.FindAsync(consentRef, cancellationToken);
        return new RegistryConsentView(record, subjectPseudonyms);
    }
}
