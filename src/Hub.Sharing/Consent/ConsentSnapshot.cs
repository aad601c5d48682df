using Hub.Contracts.Agencies;

namespace Hub.Sharing.Consent;

/// <summary>A fixed list of consent records answering <see cref="IConsentView"/>; expiry and withdrawal honoured to the second.</summary>
public sealed class ConsentSnapshot(IEnumerable<ConsentState> consents) : IConsentView
{
    private readonly Dictionary<string, ConsentState> _byId = consents.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static ConsentSnapshot Empty { get; } = new([]);

    public ConsentCheck Check(string consentRef, AgencyCode recipient, string purpose, DateTimeOffset at)
    {
        if (!_byId.TryGetValue(consentRef, out var consent))
        {
            return new(false, $"consent {consentRef} is not in the consent registry");
        }

        if (consent.Given > at)
        {
            return new(false, $"consent {consentRef} was not given until {ConsentInstant.Format(consent.Given)}");
        }

        if (consent.Withdrawn is { } withdrawn && withdrawn <= at)
        {
            return new(false, $"consent {consentRef} was withdrawn at {ConsentInstant.Format(withdrawn)}");
        }

        if (consent.Expires is { } expires && expires <= at)
        {
            return new(false, $"consent {consentRef} expired at {ConsentInstant.Format(expires)}");
        }

        if (!consent.Purposes.Contains(purpose, StringComparer.Ordinal))
        {
            return new(false, $"consent {consentRef} does not cover purpose {purpose} (it covers {string.Join(", ", consent.Purposes)})");
        }

        if (consent.Recipients.Count > 0 && !consent.Recipients.Contains(recipient))
        {
            return new(false, $"consent {consentRef} does not cover sharing with {recipient}");
        }

        return new(true, $"consent {consentRef}, given {consent.Given:yyyy-MM-dd}, covers purpose {purpose} and {recipient}");
    }
}
