using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Council.EmploymentChecks;

/// <summary>
/// A check request becomes <c>employment.status.queried</c>. Ways into Work asks on the participant's consent for
/// job-outcome verification, only at 26 or 52 weeks (DSA-010); the Troubled Families team asks under WRA 2012 s131
/// for the troubled-families purpose (DSA-019), with no consent (s131 needs none, and the envelope takes one footing).
/// </summary>
public sealed class EmploymentCheckRequestMapper
{
    public const string RecordKind = "employment-check-request";

    public MappingResult<EmploymentStatusQueried> Map(EmploymentCheckRequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("request_id", record.RequestId);
        var raisedAt = fields.Timestamp("raised_at", record.RaisedAt);
        var nino = fields.Nino("nino", record.Nino);
        if (FieldReader.Optional(record.Nino) is null)
        {
            fields.Add("nino", "is required for a DWP check");
        }

        var jobStart = fields.Date("job_start_date", record.JobStartDate);
        var weeks = Weeks(fields, record.CheckpointWeeks);
        var consentRef = FieldReader.Optional(record.ConsentRef);
        (string Provider, ConsentTag Consent)? service = FieldReader.Optional(record.Service)?.ToUpperInvariant() switch
        {
            "WAYS_INTO_WORK" => WaysIntoWork(fields, consentRef, weeks),
            "TROUBLED_FAMILIES" => TroubledFamilies(fields, consentRef),
            null => Problem(fields, "is required"),
            _ => Problem(fields, "must be WAYS_INTO_WORK or TROUBLED_FAMILIES"),
        };
        if (fields.HasProblems || service is not { } asked)
        {
            return MappingResult<EmploymentStatusQueried>.Failure(fields.Problems);
        }

        var eventId = RecordEventIds.For(AgencyCode.Council, RecordKind, id);
        return MappingResult<EmploymentStatusQueried>.Success(new EmploymentStatusQueried
        {
            Envelope = new EventEnvelope
            {
                EventId = eventId,
                OccurredAt = raisedAt,
                Source = AgencyCode.Council,
                Subject = new SubjectIdentifiers { Nino = nino, LocalId = FieldReader.Optional(record.CaseRef) },
                Classification = DataClassification.Personal,
                Consent = asked.Consent,
            },
            QueryId = eventId,
            JobStartDate = jobStart,
            CheckpointWeeks = weeks,
            RequestingProvider = asked.Provider,
        });
    }

    private static (string, ConsentTag) WaysIntoWork(FieldReader fields, string? consentRef, int weeks)
    {
        if (consentRef is null)
        {
            fields.Add("consent_ref", "is required for a Ways into Work outcome check (no gateway covers it)");
        }

        if (weeks is not (26 or 52) && weeks >= 0)
        {
            fields.Add("checkpoint_weeks", "must be 26 or 52 for a Ways into Work outcome check");
        }

        return ("ways-into-work", new ConsentTag { ConsentRef = consentRef, CollectionPurpose = "job-outcome-verification" });
    }

    private static (string, ConsentTag) TroubledFamilies(FieldReader fields, string? consentRef)
    {
        if (consentRef is not null)
        {
            fields.Add("consent_ref", "must be empty for a Troubled Families check: it is made under WRA 2012 s131");
        }

        return ("troubled-families-team", new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "troubled-families" });
    }

    private static int Weeks(FieldReader fields, string? text)
    {
        var value = fields.Required("checkpoint_weeks", text);
        if (value.Length == 0)
        {
            return -1;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks <= 520)
        {
            return weeks;
        }

        fields.Add("checkpoint_weeks", "must be a whole number of weeks");
        return -1;
    }

    private static (string, ConsentTag)? Problem(FieldReader fields, string problem)
    {
        fields.Add("service", problem);
        return null;
    }
}
