using System.Text.RegularExpressions;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.LeavingCare.V1;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.LeavingCare;

/// <summary>
/// A duty-to-refer row for a care leaver becomes <c>leaving-care.accommodation-need.identified</c> (DSA-017, AS-17).
/// The router sends it to the responsible authority and, on the person's consent, to the housing authority where
/// they live, by conditions on those two fields; so both are required. The event's footing is the person's consent
/// to the referral: the hub's gateway vocabulary has no leaving-care gateway yet, and asserting ORA 2014 s7 would
/// limit the data to its purposes and stop the leaving-care flows.
/// </summary>
public sealed partial class LeavingCareReferralMapper
{
    public const string RecordKind = "leaving-care-referral";
    public const string CollectionPurpose = "resettlement-housing";

    public MappingResult<AccommodationNeedIdentified> Map(LeavingCareReferralRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var referralId = fields.Required("referral_id", record.ReferralId);
        var identifiedOn = fields.Date("identified_on", record.IdentifiedOn);
        var subject = new SubjectIdentifiers
        {
            LocalId = fields.Required("crn", record.Crn),
            PncId = fields.PncId("pnc_id", record.PncId),
            Nino = fields.Nino("nino", record.Nino),
        };
        var responsible = Authority(fields, "responsible_la", record.ResponsibleLa);
        var residence = Authority(fields, "residence_la", record.ResidenceLa);
        var neededBy = fields.OptionalDate("accommodation_needed_by", record.AccommodationNeededBy);
        var born = fields.OptionalDate("date_of_birth", record.DateOfBirth);
        if (born is { } dob && dob >= identifiedOn && identifiedOn != default)
        {
            fields.Add("date_of_birth", "must be before identified_on");
        }

        var pathwayPlan = fields.Flag("pathway_plan", record.PathwayPlan);
        var consentRef = fields.Required("dtr_consent_ref", record.DtrConsentRef);
        if (fields.HasProblems)
        {
            return MappingResult<AccommodationNeedIdentified>.Failure(fields.Problems);
        }

        return MappingResult<AccommodationNeedIdentified>.Success(new AccommodationNeedIdentified
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Probation, RecordKind, referralId),
                OccurredAt = new DateTimeOffset(identifiedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Source = AgencyCode.Probation,
                Subject = subject,
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { ConsentRef = consentRef, CollectionPurpose = CollectionPurpose },
            },
            ReferralId = referralId,
            IdentifiedOn = identifiedOn,
            ResponsibleAuthority = responsible!,
            ResidenceAuthority = residence!,
            AccommodationNeededBy = neededBy,
            CurrentAccommodation = Code(record.CurrentAccommodation),
            ContactAddress = FieldReader.Optional(record.ContactAddress),
            DateOfBirth = born,
            LeavingCareTeam = FieldReader.Optional(record.LeavingCareTeam),
            PathwayPlanInPlace = pathwayPlan,
        });
    }

    /// <summary><c>London Borough of Lambeth</c> or <c>Lambeth</c> becomes <c>lambeth</c>, the code agreements route on.</summary>
    private static string? Authority(FieldReader fields, string field, string? value)
    {
        var text = fields.Required(field, value);
        if (text.Length == 0)
        {
            return null;
        }

        var code = Code(BoroughPrefix().Replace(text, string.Empty));
        if (code is null || !AgencyCode.IsValid(code))
        {
            fields.Add(field, "is not a local authority name or code");
            return null;
        }

        return code;
    }

    /// <summary>Lower case, words joined by hyphens: <c>Sofa surfing</c> becomes <c>sofa-surfing</c>.</summary>
    private static string? Code(string? value) =>
        FieldReader.Optional(value) is { } text ? string.Join('-', text.ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries)) : null;

    [GeneratedRegex("^(london borough of|royal borough of|city of|borough of)\\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoroughPrefix();
}
