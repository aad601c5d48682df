using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Probation events about one person citing one opt-in consent (DSA-009, enhanced resettlement), as AS-09 sends them.</summary>
public sealed class ConsentBasedNotices(SubjectIdentifiers person, string consentId)
{
    public EventEnvelope Envelope(DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        Source = AgencyCode.Probation,
        Classification = DataClassification.Personal,
        Subject = person,
        Consent = new ConsentTag { ConsentRef = consentId, CollectionPurpose = "enhanced-resettlement" },
    };

    public ReleaseScheduled Release(DateTimeOffset now) => new()
    {
        Envelope = Envelope(now) with { Classification = DataClassification.CriminalOffence },
        ReleaseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(14),
        Establishment = "HMP Fictional",
        SentenceBand = SentenceBand.UnderTwelveMonths,
        ResettlementArea = "lewisham",
        AddressOnRelease = "Flat 1, 9 Example Row, London SE99 9ZV",
        CohortTier = "iom",
        LeadProfessional = "probation-practitioner-team-5",
    };
}
