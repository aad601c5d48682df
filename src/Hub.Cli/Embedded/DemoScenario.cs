using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;

namespace Hub.Cli.Embedded;

/// <summary>
/// The events the embedded run plays, about clearly fictional people: NHS numbers from the 999 test range,
/// made-up names never appear, addresses are fictional.
/// </summary>
public static class DemoScenario
{
    public static ScenarioStep ReleaseNotice(DateTimeOffset now) => new(
        "AS-01",
        "probation publishes a prison release notice; each partner receives only its purpose's fields",
        AgencyCode.Probation,
        new ReleaseScheduled
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.NewGuid(),
                OccurredAt = now,
                Source = AgencyCode.Probation,
                Classification = DataClassification.CriminalOffence,
                Subject = new SubjectIdentifiers
                {
                    NhsNumber = NhsNumber.WithCheckDigit("999000001"),
                    PncId = PncId.Create(2019, 412345),
                    Nino = "JY123456C",
                    LocalId = "PRB-000417",
                },
                Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
            },
            ReleaseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(12),
            Establishment = "HMP Fictional",
            SentenceBand = SentenceBand.UnderTwelveMonths,
            ResettlementArea = "lewisham",
            AddressOnRelease = "Flat 0, 1 Example Row, London SE99 9ZZ",
            CohortTier = "iom",
            SubstanceMisuseFlag = true,
            MentalHealthFlag = true,
            LeadProfessional = "probation-practitioner-team-3",
        });

    public static ScenarioStep Discharge(DateTimeOffset now) => new(
        "AS-15",
        "the hospital plans a discharge; adult social care receives it, police are explicitly forbidden, others have no agreement",
        AgencyCode.Nhs,
        new DischargePlanned
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.NewGuid(),
                OccurredAt = now,
                Source = AgencyCode.Nhs,
                Classification = DataClassification.SpecialCategoryHealth,
                Subject = new SubjectIdentifiers { NhsNumber = NhsNumber.WithCheckDigit("999000002"), LocalId = "MRN-55120" },
                Consent = new ConsentTag { LegalGateway = "HSCA2012-s251B", CollectionPurpose = "direct-care" },
            },
            EncounterId = "enc-8841",
            Organisation = "RJ2",
            PlannedDischargeAt = now.AddDays(2),
            GpPractice = "G85001",
            DischargeAddress = "2 Sample Close, London SE99 9ZY",
            MentalHealthNeeds = true,
            CarePackageRequired = true,
            ClinicalSummary = "fictional summary text",
        });

    /// <summary>The police adapter tries to pass an event off as probation's; the router must refuse it.</summary>
    public static ScenarioStep ForgedSource(DateTimeOffset now)
    {
        var genuine = (ReleaseScheduled)ReleaseNotice(now).Event;
        return new ScenarioStep(
            "trust boundary",
            "police submits an event that claims to come from probation",
            AgencyCode.Police,
            genuine with { Envelope = genuine.Envelope with { EventId = Guid.NewGuid() } });
    }
}
