using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Router.Tests.Support;

/// <summary>
/// DSA-016's information passport for one person: the consent the NHS records, its withdrawal, and a referral that
/// cites it, which the council receives only on the consent.
/// </summary>
public static class PassportConsent
{
    public const string Id = "P-UNIT-1";

    public static readonly SubjectIdentifiers Person = new() { NhsNumber = NhsNumber.WithCheckDigit("999000015"), Nino = "JY112358B" };

    public static EventEnvelope Envelope(AgencyCode source, SubjectIdentifiers? subject = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = RouterTestHost.Now,
        Source = source,
        Classification = DataClassification.Personal,
        Subject = subject ?? Person,
        Consent = new ConsentTag { ConsentRef = Id, CollectionPurpose = "information-passport" },
    };

    public static ConsentRecorded Recorded(DateTimeOffset? expires = null) => new()
    {
        Envelope = Envelope(AgencyCode.Nhs),
        ConsentId = Id,
        Purposes = ["information-passport"],
        Recipients = [AgencyCode.Council],
        GivenAt = RouterTestHost.Now.AddDays(-1),
        ExpiresAt = expires,
        EvidenceRef = "ELFT-FORM-1",
    };

    public static ConsentWithdrawn Withdrawn(AgencyCode by, DateTimeOffset at, SubjectIdentifiers? subject = null) =>
        new() { Envelope = Envelope(by, subject), ConsentId = Id, WithdrawnAt = at };

    public static ReferralCreated Referral() => new()
    {
        Envelope = Envelope(AgencyCode.Nhs),
        ReferralId = "R-1",
        Programme = "recovery-and-social-inclusion",
        Provider = "ways-into-work",
        ReferredOn = new DateOnly(2026, 11, 20),
        MentalHealthIndicator = true,
    };
}
