using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Fictional release notices; the identifiers are distinctive so a test can search for leaks.</summary>
public static class Events
{
    public const string Nino = "JY123456C";
    public const string Address = "Flat 0, 1 Example Row, London SE99 9ZZ";
    public static readonly string NhsNumber = Hub.Contracts.Subjects.NhsNumber.WithCheckDigit("999000003")!;
    public static readonly string Pnc = PncId.Create(2019, 412345);

    public static ReleaseScheduled Release(AgencyCode? claimedSource = null, string? address = null) => new()
    {
        Envelope = new EventEnvelope
        {
            EventId = Guid.NewGuid(),
            OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            Source = claimedSource ?? AgencyCode.Probation,
            Classification = DataClassification.CriminalOffence,
            Subject = new SubjectIdentifiers { NhsNumber = NhsNumber, PncId = Pnc, Nino = Nino, LocalId = "PRB-1" },
            Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
        },
        ReleaseDate = new DateOnly(2026, 12, 4),
        Establishment = "HMP Fictional",
        SentenceBand = SentenceBand.UnderTwelveMonths,
        ResettlementArea = "lewisham",
        AddressOnRelease = address ?? Address,
        MentalHealthFlag = true,
        SubstanceMisuseFlag = true,
    };
}
