using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.CaseManagement.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.Transfers;

/// <summary>A case transfer becomes <c>case.lead-professional.changed</c> under ORA 2014 s7 (DSA-007).</summary>
public sealed class CaseTransferMapper
{
    public MappingResult<LeadProfessionalChanged> Map(CaseTransferRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("transfer_id", record.TransferId);
        var from = Agency(fields, "from_agency", record.FromAgency);
        var to = Agency(fields, "to_agency", record.ToAgency);
        if (from is not null && from == to)
        {
            fields.Add("to_agency", "must differ from from_agency");
        }

        var role = fields.Required("new_lead_role", record.NewLeadRole);
        var effective = fields.Timestamp("effective_from", record.EffectiveFrom);
        var subject = new SubjectIdentifiers { LocalId = fields.Required("crn", record.Crn), PncId = fields.PncId("pnc_id", record.PncId) };
        if (fields.HasProblems)
        {
            return MappingResult<LeadProfessionalChanged>.Failure(fields.Problems);
        }

        return MappingResult<LeadProfessionalChanged>.Success(new LeadProfessionalChanged
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Probation, "case-transfer", id),
                OccurredAt = effective,
                Source = AgencyCode.Probation,
                Subject = subject,
                Classification = DataClassification.CriminalOffence,
                Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
            },
            PreviousLeadAgency = from!.Value,
            NewLeadAgency = to!.Value,
            NewLeadRole = role,
            EffectiveFrom = effective,
            Reason = FieldReader.Optional(record.Reason),
        });
    }

    private static AgencyCode? Agency(FieldReader fields, string field, string? value)
    {
        var text = fields.Required(field, value?.ToLowerInvariant());
        if (text.Length > 0 && AgencyCode.TryParse(text, out var code))
        {
            return code;
        }

        if (text.Length > 0)
        {
            fields.Add(field, "is not an agency code");
        }

        return null;
    }
}
