using Hub.Contracts.Agencies;
using Hub.Contracts.Assessment.V1;
using Hub.Contracts.CaseManagement.V1;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Family.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.LeavingCare.V1;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Registration.V1;
using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests;

/// <summary>One well-formed instance of every V1 event, about fictional people.</summary>
public static class SampleEvents
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static EventEnvelope Envelope(AgencyCode source, DataClassification classification = DataClassification.Personal) => new()
    {
        EventId = Guid.Parse("0b9d3d7e-54a1-4c1e-9a54-5f9d6f0b1a01"),
        OccurredAt = At,
        Source = source,
        Classification = classification,
        Subject = classification == DataClassification.AggregateNonPersonal
            ? null
            : new SubjectIdentifiers { NhsNumber = "9434765919", PncId = PncId.Create(2019, 412345), Nino = "JY123456C", LocalId = "L-1" },
        Consent = classification == DataClassification.AggregateNonPersonal
            ? new ConsentTag { CollectionPurpose = "performance-reporting" }
            : new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
    };

    public static IReadOnlyList<IShareableEvent> All() =>
    [
        new ReleaseScheduled { Envelope = Envelope(AgencyCode.Probation, DataClassification.CriminalOffence), ReleaseDate = new DateOnly(2026, 12, 4), Establishment = "HMP Fictional", SentenceBand = SentenceBand.UnderTwelveMonths, ResettlementArea = "lewisham", AddressOnRelease = "1 Example Row", CohortTier = "iom", SubstanceMisuseFlag = true, MentalHealthFlag = false, LeadProfessional = "team-3" },
        new ReleaseAmended { Envelope = Envelope(AgencyCode.Probation, DataClassification.CriminalOffence), SupersedesEventId = Guid.NewGuid(), ReleaseDate = new DateOnly(2026, 12, 11), PreviousReleaseDate = new DateOnly(2026, 12, 4), Establishment = "HMP Fictional", ResettlementArea = "lewisham", WeekendRelease = true, AmendmentReason = "recalculation" },
        new CommonAssessmentCompleted { Envelope = Envelope(AgencyCode.Probation), AssessmentId = "A-1", Instrument = "OASys", CompletedOn = new DateOnly(2026, 11, 1), RiskOfHarm = RiskLevel.Medium, AccommodationNeed = true, EmploymentNeed = true, SubstanceMisuseNeed = false, MentalHealthHistory = null },
        new LeadProfessionalChanged { Envelope = Envelope(AgencyCode.Probation), PreviousLeadAgency = AgencyCode.Probation, NewLeadAgency = new AgencyCode("dip"), NewLeadRole = "dip-keyworker", EffectiveFrom = At, Reason = "low risk, criminogenic drug need" },
        new ReferralCreated { Envelope = Envelope(AgencyCode.Jcp), ReferralId = "R-1", Programme = "work-programme", Provider = "renaisi", ReferredOn = new DateOnly(2026, 10, 1), SupportNeeds = ["confidence", "cv"], MentalHealthIndicator = true },
        new SupportEnded { Envelope = Envelope(AgencyCode.Council), ReferralId = "R-1", EndedOn = new DateOnly(2026, 10, 30), Outcome = "returned-to-jcp" },
        new EmploymentStatusQueried { Envelope = Envelope(AgencyCode.Council), QueryId = Guid.NewGuid(), JobStartDate = new DateOnly(2026, 4, 1), CheckpointWeeks = 26, RequestingProvider = "ways-into-work" },
        new EmploymentStatusAnswered { Envelope = Envelope(AgencyCode.Jcp), QueryId = Guid.NewGuid(), Status = EmploymentStatus.Employed, CheckedOn = new DateOnly(2026, 10, 1) },
        new DischargePlanned { Envelope = Envelope(AgencyCode.Nhs, DataClassification.SpecialCategoryHealth), EncounterId = "E-1", Organisation = "RJ2", PlannedDischargeAt = At.AddDays(2), GpPractice = "G85001", DischargeAddress = "2 Sample Close", MentalHealthNeeds = true, CarePackageRequired = true, ClinicalSummary = "text" },
        new TreatmentContinuityRequired { Envelope = Envelope(AgencyCode.Nhs, DataClassification.SpecialCategoryHealth), ReleaseDate = new DateOnly(2026, 12, 4), Regime = "opioid-substitution", Medication = "methadone", DailyDoseMg = 40.5m, LastDoseAt = At, TreatmentHandoverInPlace = true },
        new ConsentRecorded { Envelope = Envelope(AgencyCode.Probation), ConsentId = "C-123", Purposes = ["enhanced-resettlement"], Recipients = [AgencyCode.Council], GivenAt = At, ExpiresAt = At.AddYears(1), EvidenceRef = "doc-77" },
        new ConsentWithdrawn { Envelope = Envelope(AgencyCode.Probation), ConsentId = "C-123", WithdrawnAt = At.AddMonths(2) },
        new BirthRecorded { Envelope = Envelope(AgencyCode.Council) with { Consent = new ConsentTag { LegalGateway = "TUO-REG", CollectionPurpose = "birth-registration" } }, RegistrationId = "LEW-2026-B-0412", RegistrationDistrict = "lewisham", RegisteredOn = new DateOnly(2026, 11, 19), ChildDateOfBirth = new DateOnly(2026, 11, 2), ChildGivenNames = "Sample", ChildFamilyName = "Example", JointRegistration = true, MultipleBirth = false },
        new AccommodationNeedIdentified { Envelope = Envelope(AgencyCode.Probation), ReferralId = "DTR-1", IdentifiedOn = new DateOnly(2026, 11, 18), ResponsibleAuthority = "lambeth", ResidenceAuthority = "southwark", AccommodationNeededBy = new DateOnly(2026, 12, 4), CurrentAccommodation = "custody", ContactAddress = "3 Example Mews", DateOfBirth = new DateOnly(2006, 5, 1), LeavingCareTeam = "lambeth-leaving-care-2", PathwayPlanInPlace = true },
        new CaseConferenceConvened { Envelope = Envelope(AgencyCode.Council, DataClassification.CriminalOffence) with { Consent = new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "troubled-families" } }, FamilyId = "TF-1", Programme = "troubled-families", ConvenedFor = At.AddDays(7), LeadProfessional = "family-intervention-team", CrimeOrAntisocialBehaviour = true, EducationConcern = true, AdultOutOfWork = true, HealthConcern = false, ChildrenInHousehold = 3 },
        new IndicatorsSubmitted { Envelope = Envelope(AgencyCode.Council, DataClassification.AggregateNonPersonal), Period = "2026-Q3", ReportingBody = "lewisham", Indicators = [new IndicatorValue { Code = "NI-152", Value = 12.5m }] },
    ];
}
