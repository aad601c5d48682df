using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Family.V1;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Council.TroubledFamilies;

/// <summary>
/// A convened panel becomes <c>family.case-conference.convened</c> (DSA-019 v2). The family's criteria include
/// DWP-sourced data, so the event asserts WRA 2012 s131 for the troubled-families purpose, and the hub's gateway
/// limit keeps it to flows that purpose prescribes. The agreement's condition, not the adapter, decides which
/// programmes' panels go out; the adapter passes the programme as the case system records it.
/// </summary>
public sealed class CaseConferenceMapper
{
    public const string RecordKind = "tf-case-conference";

    public MappingResult<CaseConferenceConvened> Map(CaseConferenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("conferenceId", record.ConferenceId);
        var familyId = fields.Required("familyId", record.FamilyId);
        var programme = fields.Required("programme", record.Programme?.ToLowerInvariant());
        var convenedAt = fields.Timestamp("convenedAt", record.ConvenedAt);
        var convenedFor = fields.Timestamp("convenedFor", record.ConvenedFor);
        var adult = record.LeadAdult;
        if (adult is null)
        {
            fields.Add("leadAdult", "is required (the event's subject)");
        }

        var subject = new SubjectIdentifiers
        {
            LocalId = adult is null ? null : fields.Required("leadAdult.personRef", adult.PersonRef),
            Nino = fields.Nino("leadAdult.nino", adult?.Nino),
            NhsNumber = fields.NhsNumber("leadAdult.nhsNumber", adult?.NhsNumber),
            PncId = fields.PncId("leadAdult.pncId", adult?.PncId),
        };
        if (record.ChildrenInHousehold is < 0)
        {
            fields.Add("childrenInHousehold", "must not be negative");
        }

        if (fields.HasProblems)
        {
            return MappingResult<CaseConferenceConvened>.Failure(fields.Problems);
        }

        var criteria = record.Criteria ?? new FamilyCriteria();
        return MappingResult<CaseConferenceConvened>.Success(new CaseConferenceConvened
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Council, RecordKind, id),
                OccurredAt = convenedAt,
                Source = AgencyCode.Council,
                Subject = subject,
                Classification = DataClassification.CriminalOffence,
                Consent = new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "troubled-families" },
            },
            FamilyId = familyId,
            Programme = programme,
            ConvenedFor = convenedFor,
            LeadProfessional = FieldReader.Optional(record.LeadProfessional),
            CrimeOrAntisocialBehaviour = criteria.CrimeOrAntisocialBehaviour,
            EducationConcern = criteria.EducationConcern,
            AdultOutOfWork = criteria.AdultOutOfWork,
            HealthConcern = criteria.HealthConcern,
            ChildrenInHousehold = record.ChildrenInHousehold,
        });
    }
}
