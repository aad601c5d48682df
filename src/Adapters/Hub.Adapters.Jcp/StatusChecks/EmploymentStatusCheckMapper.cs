using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Jcp.StatusChecks;

/// <summary>
/// An answered check becomes <c>employment.status.answered</c>, a yes/no/unknown and nothing about benefits (AS-10),
/// carrying the footing of the query it answers: the participant's consent (DSA-010) or WRA 2012 s131 (DSA-013/019).
/// </summary>
public sealed class EmploymentStatusCheckMapper
{
    public MappingResult<EmploymentStatusAnswered> Map(EmploymentStatusCheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var queryText = fields.Required("query_id", record.QueryId);
        if (queryText.Length > 0 && !Guid.TryParse(queryText, out _))
        {
            fields.Add("query_id", "is not a query id (UUID)");
        }

        var nino = fields.Nino("nino", record.Nino);
        if (nino is null && FieldReader.Optional(record.Nino) is null)
        {
            fields.Add("nino", "is required");
        }

        var status = FieldReader.Optional(record.Status)?.ToUpperInvariant() switch
        {
            "IN_WORK" => EmploymentStatus.Employed,
            "NOT_IN_WORK" => EmploymentStatus.NotEmployed,
            "NOT_KNOWN" => EmploymentStatus.Unknown,
            _ => Problem(fields),
        };
        var checkedOn = fields.Date("checked_on", record.CheckedOn);
        var answeredAt = fields.Timestamp("answered_at", record.AnsweredAt);
        var consentRef = FieldReader.Optional(record.ConsentRef);
        var gateway = FieldReader.Optional(record.LegalGateway);
        if ((consentRef is null) == (gateway is null))
        {
            fields.Add("consent_ref", "exactly one of consent_ref or legal_gateway is required");
        }

        var purpose = fields.Required("purpose", record.Purpose);
        if (fields.HasProblems)
        {
            return MappingResult<EmploymentStatusAnswered>.Failure(fields.Problems);
        }

        return MappingResult<EmploymentStatusAnswered>.Success(new EmploymentStatusAnswered
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Jcp, "employment-status-check", queryText),
                OccurredAt = answeredAt,
                Source = AgencyCode.Jcp,
                Subject = new SubjectIdentifiers { Nino = nino },
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { ConsentRef = consentRef, LegalGateway = gateway, CollectionPurpose = purpose },
            },
            QueryId = Guid.Parse(queryText),
            Status = status,
            CheckedOn = checkedOn,
        });
    }

    private static EmploymentStatus Problem(FieldReader fields)
    {
        fields.Add("status", "must be IN_WORK, NOT_IN_WORK or NOT_KNOWN");
        return EmploymentStatus.Unknown;
    }
}
