using System.Globalization;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>
/// A prison release list, column for column as samples/probation/release-list.csv and the probation adapter's
/// ReleaseNoticeMapper read it. An amendment carries, like the sample, only what changed and what identifies the
/// release, plus the resettlement area (DSA-001's condition needs it to share the amendment) and the weekend marker.
/// </summary>
public static class ReleaseListFormat
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "notice_id", "notice_type", "supersedes_notice_id", "issued_at", "prison", "pnc_id", "noms_id", "nino", "release_date",
        "previous_release_date", "sentence_months", "resettlement_area", "address_on_release", "cohort_tier", "licence_conditions",
        "weekend_release", "amendment_reason", "substance_misuse_flag", "mental_health_flag", "lead_professional", "opt_in_consent_ref",
    ];

    public static IReadOnlyList<string> Row(ReleaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var amended = notice.SupersedesNoticeId is not null;
        return
        [
            notice.NoticeId,
            amended ? "AMENDED" : "NEW",
            notice.SupersedesNoticeId ?? string.Empty,
            Instants.Text(notice.IssuedAt),
            notice.Prison,
            notice.Person.PncId,
            notice.Person.NomsId,
            notice.HasNino ? notice.Person.Nino : string.Empty,
            Instants.Text(notice.ReleaseDate),
            Instants.Text(notice.PreviousReleaseDate),
            amended ? string.Empty : notice.SentenceMonths?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            notice.Person.Borough,
            amended ? string.Empty : notice.Person.Address,
            amended ? string.Empty : notice.CohortTier ?? string.Empty,
            amended ? string.Empty : "Reside at approved address; report to probation on day of release",
            amended ? Instants.Flag(notice.ReleaseDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) : string.Empty,
            notice.AmendmentReason ?? string.Empty,
            amended ? string.Empty : Instants.Flag(notice.SubstanceMisuse),
            amended ? string.Empty : Instants.Flag(notice.MentalHealth),
            amended ? string.Empty : notice.LeadProfessional ?? string.Empty,
            notice.OptInConsentRef ?? string.Empty,
        ];
    }
}
