using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Assessment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.Assessments;

/// <summary>
/// An OASys assessment becomes <c>assessment.common.completed</c> (DSA-006): needs from the section flags, under ORA
/// 2014 s7, or on the person's consent when the export carries one (DSA-009 opt-in, information passport).
/// </summary>
public sealed class OasysAssessmentMapper
{
    public MappingResult<CommonAssessmentCompleted> Map(OasysAssessmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("assessmentPk", record.AssessmentPk);
        var completedAt = fields.Timestamp("completedAt", record.CompletedAt);
        var subject = new SubjectIdentifiers
        {
            LocalId = fields.Required("offender.crn", record.Offender?.Crn),
            PncId = fields.PncId("offender.pnc", record.Offender?.Pnc),
            Nino = fields.Nino("offender.nino", record.Offender?.Nino),
        };
        var risk = FieldReader.Optional(record.RoshSummary)?.ToUpperInvariant() switch
        {
            "LOW" => RiskLevel.Low,
            "MEDIUM" => RiskLevel.Medium,
            "HIGH" => RiskLevel.High,
            "VERY_HIGH" => RiskLevel.VeryHigh,
            null => Problem(fields, "roshSummary", "is required"),
            _ => Problem(fields, "roshSummary", "must be LOW, MEDIUM, HIGH or VERY_HIGH"),
        };
        ConsentTag consent;
        if (record.Consent is { } given)
        {
            consent = new ConsentTag
            {
                ConsentRef = fields.Required("consent.reference", given.Reference),
                CollectionPurpose = fields.Required("consent.purpose", given.Purpose),
            };
        }
        else
        {
            consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" };
        }

        if (fields.HasProblems)
        {
            return MappingResult<CommonAssessmentCompleted>.Failure(fields.Problems);
        }

        return MappingResult<CommonAssessmentCompleted>.Success(new CommonAssessmentCompleted
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Probation, "oasys-assessment", id),
                OccurredAt = completedAt,
                Source = AgencyCode.Probation,
                Subject = subject,
                Classification = DataClassification.CriminalOffence,
                Consent = consent,
            },
            AssessmentId = id,
            Instrument = "OASys",
            CompletedOn = DateOnly.FromDateTime(completedAt.UtcDateTime),
            RiskOfHarm = risk,
            AccommodationNeed = Need(record, "3"),
            EmploymentNeed = Need(record, "4"),
            SubstanceMisuseNeed = Need(record, "8"),
            MentalHealthHistory = Need(record, "10"),
        });
    }

    private static bool? Need(OasysAssessmentRecord record, string section) =>
        record.Sections.FirstOrDefault(s => s.Code == section)?.LinkedToRisk;

    private static RiskLevel Problem(FieldReader fields, string field, string problem)
    {
        fields.Add(field, problem);
        return default;
    }
}
