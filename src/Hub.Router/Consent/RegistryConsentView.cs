using Hub.Contracts.Agencies;
using Hub.Sharing.Consent;

namespace Hub.Router.Consent;

/// <summary>
/// The registry as it stands at decision time for one event: the consent its reference names, checked first
/// against the event's subject (a consent given by someone else covers nothing), then by <see cref="ConsentSnapshot"/>
/// for scope, expiry and withdrawal, to the second.
/// </summary>
public sealed class RegistryConsentView(ConsentRecord? record, IReadOnlyCollection<string> subjectPseudonyms) : IConsentView
{
    /// <summary>False when the registry has no consent under the reference the event cites.</summary>
    public bool IsRecorded => record is not null;

    public ConsentCheck Check(string consentRef, AgencyCode recipient, string purpose, DateTimeOffset at)
    {
        if (record is null || !string.Equals(record.ConsentId, consentRef, StringComparison.Ordinal))
        {
            return ConsentSnapshot.Empty.Check(consentRef, recipient, purpose, at);
        }

        if (!record.SubjectPseudonyms.Intersect(subjectPseudonyms, StringComparer.Ordinal).Any())
        {
            return new(false, $"consent {consentRef} was recorded for a different person than this event's subject, so it cannot cover this share");
        }

        var state = new ConsentState(
            record.ConsentId,
            record.Purposes,
            [.. record.Recipients.Select(r => new AgencyCode(r))],
            record.GivenAt,
            record.ExpiresAt,
            record.Withdrawal?.EffectiveAt);
        return new ConsentSnapshot([state]).Check(consentRef, recipient, purpose, at);
    }
}
