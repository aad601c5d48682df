using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Router.Ledger;
using Hub.Sharing.Consent;

namespace Hub.Router.Consent;

/// <summary>Builds, per event, the consent view the engine decides with: one registry read (grouped with other events' reads), only when the event cites a consent.</summary>
public sealed class ConsentViews(ConsentLookups lookups, SubjectPseudonymiser pseudonymiser)
{
    public async Task<IConsentView> ForEventAsync(EventEnvelope envelope, AgencyCode source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var consentRef = envelope.Consent?.ConsentRef;
        if (string.IsNullOrWhiteSpace(consentRef))
        {
            return ConsentSnapshot.Empty;
        }

        var record = await lookups.FindAsync(consentRef, cancellationToken);
        return new RegistryConsentView(record, pseudonymiser.Pseudonymise(envelope.Subject, source));
    }
}
