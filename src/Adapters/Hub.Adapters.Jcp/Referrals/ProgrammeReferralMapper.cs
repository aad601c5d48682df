using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Jcp.Referrals;

/// <summary>
/// A referral-log row becomes <c>employment.referral.created</c> for employment support: programme
/// <c>work-programme</c> (DSA-011) or <c>universal-credit</c> (the UC front end's pilot screening, DSA-012). No
/// gateway covers DWP sharing with a provider for this purpose, so the claimant's referral consent is the footing
/// and a row without one cannot be published.
/// </summary>
public sealed class ProgrammeReferralMapper
{
    public const string RecordKind = "programme-referral";
    public const string Purpose = "employment-support";

    public MappingResult<ReferralCreated> Map(ProgrammeReferralRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("referral_id", record.ReferralId);
        var programme = FieldReader.Optional(record.ProgrammeCode)?.ToUpperInvariant() switch
        {
            "WORK_PROGRAMME" => "work-programme",
            "UC_PILOT" => "universal-credit",
            null => Problem(fields, "programme_code", "is required"),
            _ => Problem(fields, "programme_code", "must be WORK_PROGRAMME or UC_PILOT"),
        };
        var provider = fields.Required("provider_code", record.ProviderCode?.ToLowerInvariant());
        var referredOn = fields.Date("referred_on", record.ReferredOn);
        var submittedAt = fields.Timestamp("submitted_at", record.SubmittedAt);
        var nino = fields.Nino("nino", record.Nino);
        if (FieldReader.Optional(record.Nino) is null)
        {
            fields.Add("nino", "is required (the provider matches the claimant on it)");
        }

        var mentalHealth = fields.Flag("mental_health_indicator", record.MentalHealthIndicator);
        var consentRef = fields.Required("consent_ref", record.ConsentRef);
        if (fields.HasProblems)
        {
            return MappingResult<ReferralCreated>.Failure(fields.Problems);
        }

        return MappingResult<ReferralCreated>.Success(new ReferralCreated
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Jcp, RecordKind, id),
                OccurredAt = submittedAt,
                Source = AgencyCode.Jcp,
                Subject = new SubjectIdentifiers { Nino = nino, LocalId = FieldReader.Optional(record.ClaimRef) },
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { ConsentRef = consentRef, CollectionPurpose = Purpose },
            },
            ReferralId = id,
            Programme = programme,
            Provider = provider,
            ReferredOn = referredOn,
            SupportNeeds = SupportNeedsOf(record.SupportNeeds),
            MentalHealthIndicator = mentalHealth,
        });
    }

    private static List<string> SupportNeedsOf(string? text) =>
        [.. (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    private static string Problem(FieldReader fields, string field, string problem)
    {
        fields.Add(field, problem);
        return string.Empty;
    }
}
