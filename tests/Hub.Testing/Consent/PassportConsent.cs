using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Testing.Consent;

/// <summary>
/// DSA-016's information passport for one person (AS-16): the consent the NHS records, its withdrawal, and a referral
/// citing it, which the council (Ways into Work) receives only on the consent. Events are stamped <paramref name="now"/>.
/// </summary>
public sealed class PassportConsent(string id, DateTimeOffset now)
{
    public static readonly SubjectIdentifiers Person = new() { NhsNumber = NhsNumber.WithCheckDigit("999000015"), Nino = "JY112358B" };

    public string Id => id;

    public EventEnvelope Envelope(AgencyCode source, SubjectIdentifiers? subject = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        Source = source,
        Classification = DataClassification.Personal,
        Subject = subject ?? Person,
        Consent = new ConsentTag { ConsentRef = id, CollectionPurpose = "information-passport" },
    };

    public ConsentRecorded Recorded(DateTimeOffset? expires = null) => new()
    {
        Envelope = Envelope(AgencyCode.Nhs),
        ConsentId = id,
        Purposes = ["information-passport"],
        Recipients = [AgencyCode.Council],
        GivenAt = now.AddDays(-1),
        ExpiresAt = expires,
        EvidenceRef = "ELFT-FORM-1",
    };

    public ConsentWithdrawn Withdrawn(AgencyCode by, DateTimeOffset at, SubjectIdentifiers? subject = null) =>
        new() { Envelope = Envelope(by, subject), ConsentId = id, WithdrawnAt = at };

    public ReferralCreated Referral() => new()
    {
        Envelope = Envelope(AgencyCode.Nhs),
        ReferralId = "R-1",
        Programme = "recovery-and-social-inclusion",
        Provider = "ways-into-work",
        ReferredOn = DateOnly.FromDateTime(now.UtcDateTime),
        MentalHealthIndicator = true,
    };
}
