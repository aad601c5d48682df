using Hub.Contracts.Agencies;

namespace Hub.Sharing.Consent;

/// <summary>
/// The consent registry as it stood at decision time, for the event's subject. The engine asks; the registry
/// (Postgres, the embedded store, or a test case's consent list) answers.
/// </summary>
public interface IConsentView
{
    ConsentCheck Check(string consentRef, AgencyCode recipient, string purpose, DateTimeOffset at);
}
