using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Council.Housing;

/// <summary>
/// A homelessness application that needs declared employment verified becomes <c>employment.status.queried</c> under
/// WRA 2012 s131 for the homelessness application (DSA-013). The checkpoint is the whole weeks in work at submission.
/// </summary>
public sealed class HousingApplicationMapper
{
    /// <summary>The requesting service DSA-013 F1 names (its condition <c>requestingProvider equals housing-options</c>).</summary>
    public const string RequestingProvider = "housing-options";

    public MappingResult<EmploymentStatusQueried> Map(HousingApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var reference = fields.Required("applicationRef", record.ApplicationRef);
        var submittedAt = fields.Timestamp("submittedAt", record.SubmittedAt);
        if (!record.VerifyEmployment)
        {
            fields.Add("verifyEmployment", "is false: the application asks DWP nothing");
        }

        var nino = fields.Nino("applicantNino", record.ApplicantNino);
        if (FieldReader.Optional(record.ApplicantNino) is null)
        {
            fields.Add("applicantNino", "is required for a DWP query");
        }

        var jobStart = fields.Date("declaredJobStart", record.DeclaredJobStart);
        var weeks = (DateOnly.FromDateTime(submittedAt.UtcDateTime).DayNumber - jobStart.DayNumber) / 7;
        if (!fields.HasProblems && weeks < 0)
        {
            fields.Add("declaredJobStart", "is after the application was submitted");
        }

        if (fields.HasProblems)
        {
            return MappingResult<EmploymentStatusQueried>.Failure(fields.Problems);
        }

        var eventId = RecordEventIds.For(AgencyCode.Council, "housing-application-s131", reference);
        return MappingResult<EmploymentStatusQueried>.Success(new EmploymentStatusQueried
        {
            Envelope = new EventEnvelope
            {
                EventId = eventId,
                OccurredAt = submittedAt,
                Source = AgencyCode.Council,
                Subject = new SubjectIdentifiers { Nino = nino, LocalId = reference },
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "homelessness-application" },
            },
            QueryId = eventId,
            JobStartDate = jobStart,
            CheckpointWeeks = weeks,
            RequestingProvider = RequestingProvider,
        });
    }
}
