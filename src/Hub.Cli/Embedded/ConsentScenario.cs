using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Cli.Embedded;

/// <summary>
/// AS-09 in the embedded run: a fictional offender opts in to enhanced resettlement (DSA-009), a release notice is
/// shared on that consent, the consent is withdrawn, the recipients are recalled, and a later notice is not shared on it.
/// </summary>
public static class ConsentScenario
{
    private static readonly SubjectIdentifiers Person = new()
    {
        NhsNumber = NhsNumber.WithCheckDigit("999000013"),
        PncId = PncId.Create(2023, 11872),
        Nino = "JY975310A",
        LocalId = "PRB-000955",
    };

    /// <summary>A consent id of its own per run, so runs can share one ledger.</summary>
    public static string NewConsentId() => "C-LEW-OPTIN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static ConsentRecorded OptIn(string consentId, DateTimeOffset now) => new()
    {
        Envelope = Envelope(consentId, now),
        ConsentId = consentId,
        Purposes = ["enhanced-resettlement"],
        AgreementId = "DSA-009",
        GivenAt = now.AddMinutes(-5),
        EvidenceRef = "PRB-OPTIN-FORM-0955",
    };

    public static ConsentWithdrawn Withdrawal(string consentId, DateTimeOffset now) => new()
    {
        Envelope = Envelope(consentId, now),
        ConsentId = consentId,
        WithdrawnAt = now,
    };

    public static ReleaseScheduled Release(string consentId, DateTimeOffset now) => new()
    {
        Envelope = Envelope(consentId, now) with { Classification = DataClassification.CriminalOffence },
        ReleaseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(14),
        Establishment = "HMP Fictional",
        SentenceBand = SentenceBand.UnderTwelveMonths,
        ResettlementArea = "lewisham",
        AddressOnRelease = "Flat 1, 9 Example Row, London SE99 9ZV",
        CohortTier = "iom",
        LeadProfessional = "probation-practitioner-team-5",
    };

    private static EventEnvelope Envelope(string consentId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        Source = AgencyCode.Probation,
        Classification = DataClassification.Personal,
        Subject = Person,
        Consent = new ConsentTag { ConsentRef = consentId, CollectionPurpose = "enhanced-resettlement" },
    };
}
