using Hub.Contracts.Agencies;
using Hub.Sharing.Consent;

namespace Hub.Router.Consent.Holding;

/// <summary>
/// The registry for an event whose hold window ended without its consent being recorded: every consent check fails,
/// saying by when the consent was still missing and how long after the event arrived that was.
/// </summary>
public sealed class UnrecordedConsentView(DateTimeOffset arrivedAt, DateTimeOffset decidedAt) : IConsentView
{
    public ConsentCheck Check(string consentRef, AgencyCode recipient, string purpose, DateTimeOffset at)
    {
        var waited = (long)Math.Max(0, Math.Floor((decidedAt - arrivedAt).TotalSeconds));
        return new(false, $"consent {consentRef} had not been recorded by {ConsentInstant.Format(decidedAt)}, {waited} s after the event arrived");
    }
}
