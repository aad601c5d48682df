using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Sharing.Benchmarks;

/// <summary>A realistic <c>custody.release.scheduled</c> event about a fictional person, every optional field set, about 1 KB as contract JSON.</summary>
public static class SampleRelease
{
    public static readonly DateTimeOffset DecisionTime = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static ReleaseScheduled Event { get; } = new()
    {
        Envelope = new EventEnvelope
        {
            EventId = Guid.Parse("0b9d3d7e-54a1-4c1e-9a54-5f9d6f0b1a01"),
            OccurredAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
            Source = AgencyCode.Probation,
            Classification = DataClassification.CriminalOffence,
            Subject = new SubjectIdentifiers { NhsNumber = "9434765919", PncId = PncId.Create(2019, 412345), Nino = "JY123456C", LocalId = "LEW-PRB-2019-0412345-CASE-0007" },
            Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
        },
        ReleaseDate = new DateOnly(2026, 12, 4),
        Establishment = "HMP Fictional (Category C resettlement prison), Houseblock 4, Discharge Desk",
        SentenceBand = SentenceBand.TwelveMonthsOrMore,
        ResettlementArea = "lewisham",
        AddressOnRelease = "Flat 12, Example House, 221 Sample Road, Lewisham, London SE13 0XX (approved premises placement pending, fallback: supported housing via council resettlement team)",
        CohortTier = "iom",
        SubstanceMisuseFlag = true,
        MentalHealthFlag = false,
        LeadProfessional = "Lewisham IOM hub, probation practitioner team 3 (duty desk 020 0000 0000, secure email iom-team3@probation.example)",
    };

    /// <summary>The event as the router sees it: serialised with the contract conventions.</summary>
    public static JsonElement Json { get; } = JsonSerializer.SerializeToElement(Event, ContractJson.Options);

    public static int JsonBytes { get; } = JsonSerializer.SerializeToUtf8Bytes(Event, ContractJson.Options).Length;
}
