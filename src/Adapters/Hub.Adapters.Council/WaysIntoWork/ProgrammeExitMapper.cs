using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Council.WaysIntoWork;

/// <summary>
/// A Ways into Work exit of a JCP-referred participant becomes <c>employment.support.ended</c> for employment
/// support (DSA-011 F3), on the participant's registration consent: the exit reason maps to the contract's outcome
/// (employed, returned-to-jcp, disengaged, other). Exits of people JCP did not refer are not JCP's business.
/// </summary>
public sealed class ProgrammeExitMapper
{
    public const string RecordKind = "wiw-programme-exit";

    public MappingResult<SupportEnded> Map(ProgrammeExitRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("exit_id", record.ExitId);
        var referralId = fields.Required("jcp_referral_id", record.JcpReferralId);
        var nino = fields.Nino("nino", record.Nino);
        if (FieldReader.Optional(record.Nino) is null)
        {
            fields.Add("nino", "is required (JCP matches the person on it)");
        }

        var endedOn = fields.Date("exit_date", record.ExitDate);
        var recordedAt = fields.Timestamp("recorded_at", record.RecordedAt);
        var outcome = FieldReader.Optional(record.ExitReason)?.ToUpperInvariant() switch
        {
            "JOB_START" => "employed",
            "TIME_LIMIT" => "returned-to-jcp",
            "DISENGAGED" => "disengaged",
            "OTHER" => "other",
            null => Problem(fields, "is required"),
            _ => Problem(fields, "must be JOB_START, TIME_LIMIT, DISENGAGED or OTHER"),
        };
        var consentRef = fields.Required("consent_ref", record.ConsentRef);
        if (fields.HasProblems)
        {
            return MappingResult<SupportEnded>.Failure(fields.Problems);
        }

        return MappingResult<SupportEnded>.Success(new SupportEnded
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Council, RecordKind, id),
                OccurredAt = recordedAt,
                Source = AgencyCode.Council,
                Subject = new SubjectIdentifiers { Nino = nino, LocalId = FieldReader.Optional(record.ParticipantId) },
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { ConsentRef = consentRef, CollectionPurpose = "employment-support" },
            },
            ReferralId = referralId,
            EndedOn = endedOn,
            Outcome = outcome,
        });
    }

    private static string Problem(FieldReader fields, string problem)
    {
        fields.Add("exit_reason", problem);
        return string.Empty;
    }
}
