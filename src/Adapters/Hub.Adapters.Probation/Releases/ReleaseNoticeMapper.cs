using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.Releases;

/// <summary>
/// A release-list row becomes <c>custody.release.scheduled</c> (NEW) or <c>custody.release.amended</c> (AMENDED). Shared
/// under ORA 2014 s7 for offender management (DSA-001/008), or on the person's enhanced-resettlement consent (DSA-009).
/// </summary>
public sealed class ReleaseNoticeMapper
{
    public const string RecordKind = "release-notice";
    public const string Gateway = "ORA2014-s7";

    // Prison systems write tiers in capitals; the contract carries them in lower case, as agreements compare them (DSA-008/009).
    private static readonly string[] CohortTiers = ["mappa", "ppo", "iom"];

    public MappingResult<IShareableEvent> Map(ReleaseNoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var noticeId = fields.Required("notice_id", record.NoticeId);
        var issuedAt = fields.Timestamp("issued_at", record.IssuedAt);
        var prison = fields.Required("prison", record.Prison);
        var releaseDate = fields.Date("release_date", record.ReleaseDate);
        var area = FieldReader.Optional(record.ResettlementArea)?.ToLowerInvariant();
        var subject = new SubjectIdentifiers
        {
            PncId = fields.PncId("pnc_id", record.PncId),
            LocalId = fields.Required("noms_id", record.NomsId),
            Nino = fields.Nino("nino", record.Nino),
        };
        var tier = FieldReader.Optional(record.CohortTier)?.ToLowerInvariant();
        if (tier is not null && !CohortTiers.Contains(tier))
        {
            fields.Add("cohort_tier", "must be MAPPA, PPO, IOM or empty");
        }

        var consentRef = FieldReader.Optional(record.OptInConsentRef);
        var consent = consentRef is null
            ? new ConsentTag { LegalGateway = Gateway, CollectionPurpose = "offender-management" }
            : new ConsentTag { ConsentRef = consentRef, CollectionPurpose = "enhanced-resettlement" };

        switch (FieldReader.Optional(record.NoticeType)?.ToUpperInvariant())
        {
            case "NEW":
                var band = SentenceBandOf(record.SentenceMonths, fields);
                fields.Required("resettlement_area", area);
                var substance = fields.Flag("substance_misuse_flag", record.SubstanceMisuseFlag);
                var mental = fields.Flag("mental_health_flag", record.MentalHealthFlag);
                return fields.HasProblems ? MappingResult<IShareableEvent>.Failure(fields.Problems) : MappingResult<IShareableEvent>.Success(new ReleaseScheduled
                {
                    Envelope = Envelope(noticeId, issuedAt, subject, consent),
                    ReleaseDate = releaseDate,
                    Establishment = prison,
                    SentenceBand = band,
                    ResettlementArea = area!,
                    AddressOnRelease = FieldReader.Optional(record.AddressOnRelease),
                    CohortTier = tier,
                    SubstanceMisuseFlag = substance,
                    MentalHealthFlag = mental,
                    LeadProfessional = FieldReader.Optional(record.LeadProfessional),
                });
            case "AMENDED":
                var supersedes = fields.Required("supersedes_notice_id", record.SupersedesNoticeId);
                var previous = fields.Date("previous_release_date", record.PreviousReleaseDate);
                var weekend = fields.Flag("weekend_release", record.WeekendRelease);
                return fields.HasProblems ? MappingResult<IShareableEvent>.Failure(fields.Problems) : MappingResult<IShareableEvent>.Success(new ReleaseAmended
                {
                    Envelope = Envelope(noticeId, issuedAt, subject, consent),
                    SupersedesEventId = RecordEventIds.For(AgencyCode.Probation, RecordKind, supersedes),
                    ReleaseDate = releaseDate,
                    PreviousReleaseDate = previous,
                    Establishment = prison,
                    ResettlementArea = area,
                    WeekendRelease = weekend ?? releaseDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                    AmendmentReason = FieldReader.Optional(record.AmendmentReason),
                });
            default:
                fields.Add("notice_type", "must be NEW or AMENDED");
                return MappingResult<IShareableEvent>.Failure(fields.Problems);
        }
    }

    private static EventEnvelope Envelope(string noticeId, DateTimeOffset issuedAt, SubjectIdentifiers subject, ConsentTag consent) => new()
    {
        EventId = RecordEventIds.For(AgencyCode.Probation, RecordKind, noticeId),
        OccurredAt = issuedAt,
        Source = AgencyCode.Probation,
        Subject = subject,
        Classification = DataClassification.CriminalOffence,
        Consent = consent,
    };

    private static SentenceBand SentenceBandOf(string? months, FieldReader fields)
    {
        var text = fields.Required("sentence_months", months);
        if (text.Length > 0 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value < 12 ? SentenceBand.UnderTwelveMonths : SentenceBand.TwelveMonthsOrMore;
        }

        if (text.Length > 0)
        {
            fields.Add("sentence_months", "must be a whole number of months");
        }

        return default;
    }
}
