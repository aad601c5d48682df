using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Subjects;

namespace Hub.Router.Tests.Support;

/// <summary>Events about a fictional person, with identifiers whose raw values tests look for in the ledger.</summary>
internal static class TestEvents
{
    public const string NhsNumber = "9434765919";
    public const string Nino = "JY123456C";
    public const string LocalId = "PRB-000417";
    public static readonly string PncId = Contracts.Subjects.PncId.Create(2019, 412345);

    public static readonly DateTimeOffset OccurredAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static SubjectIdentifiers Subject => new() { NhsNumber = NhsNumber, PncId = PncId, Nino = Nino, LocalId = LocalId };

    public static EventEnvelope Envelope(Guid eventId, AgencyCode source, DataClassification classification) => new()
    {
        EventId = eventId,
        OccurredAt = OccurredAt,
        Source = source,
        Classification = classification,
        Subject = classification == DataClassification.AggregateNonPersonal ? null : Subject,
        Consent = classification == DataClassification.AggregateNonPersonal
            ? new ConsentTag { CollectionPurpose = "performance-reporting" }
            : new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
    };

    public static ReleaseScheduled Release(Guid? eventId = null, AgencyCode? source = null) => new()
    {
        Envelope = Envelope(eventId ?? Guid.NewGuid(), source ?? AgencyCode.Probation, DataClassification.CriminalOffence),
        ReleaseDate = new DateOnly(2026, 12, 4),
        Establishment = "HMP Fictional",
        SentenceBand = SentenceBand.UnderTwelveMonths,
        ResettlementArea = "lewisham",
        AddressOnRelease = "Flat 0, 1 Example Row, London SE99 9ZZ",
        CohortTier = "iom",
        SubstanceMisuseFlag = true,
        MentalHealthFlag = false,
        LeadProfessional = "probation-practitioner-team-3",
    };

    public static DischargePlanned Discharge(Guid? eventId = null) => new()
    {
        Envelope = Envelope(eventId ?? Guid.NewGuid(), AgencyCode.Nhs, DataClassification.SpecialCategoryHealth) with
        {
            Consent = new ConsentTag { LegalGateway = "DSP-LEWISHAM-HSC-2026", CollectionPurpose = "direct-care" },
        },
        EncounterId = "enc-8841",
        Organisation = "RJ2",
        PlannedDischargeAt = OccurredAt.AddDays(2),
        DischargeAddress = "2 Sample Close, London SE99 9ZY",
        MentalHealthNeeds = true,
    };

    public static IndicatorsSubmitted Indicators(Guid? eventId = null) => new()
    {
        Envelope = Envelope(eventId ?? Guid.NewGuid(), AgencyCode.Council, DataClassification.AggregateNonPersonal),
        Period = "2026-Q3",
        ReportingBody = "lewisham",
        Indicators = [new IndicatorValue { Code = "NI-152", Value = 12.5m }],
    };
}
