using System.Globalization;
using Hub.Contracts.Subjects;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// A prison release list in the export format of <c>samples/probation/release-list.csv</c>, with as many fictional
/// people as a test needs: valid PNC ids (check letter computed) and NINos, all resettling in Lewisham, so DSA-001
/// shares every row with police, council, JCP and the NHS.
/// </summary>
public static class ReleaseListCsv
{
    public const string Header = "notice_id,notice_type,supersedes_notice_id,issued_at,prison,pnc_id,noms_id,nino,release_date,previous_release_date,sentence_months,resettlement_area,address_on_release,cohort_tier,licence_conditions,weekend_release,amendment_reason,substance_misuse_flag,mental_health_flag,lead_professional,opt_in_consent_ref";

    public static string NoticeId(int row) => string.Create(CultureInfo.InvariantCulture, $"HMPFIC-2026-{row:00000}");

    public static string PncOf(int person) => PncId.Create(2020, 100000 + person);

    public static string NomsOf(int person) => string.Create(CultureInfo.InvariantCulture, $"F{person:0000}ZZ");

    public static string NinoOf(int person) => string.Create(CultureInfo.InvariantCulture, $"JY{100000 + person:000000}C");

    /// <summary>A new release notice numbered <paramref name="row"/> for fictional person <paramref name="person"/> (default: the row), citing an opt-in consent when given.</summary>
    public static string NewNotice(int row, string? optInConsentRef = null, int? person = null) => string.Join(',',
        NoticeId(row),
        "NEW",
        string.Empty,
        "2026-11-02T09:15:00Z",
        "HMP Fictional",
        PncOf(person ?? row),
        NomsOf(person ?? row),
        NinoOf(person ?? row),
        "2026-12-04",
        string.Empty,
        "8",
        "lewisham",
        string.Create(CultureInfo.InvariantCulture, $"\"Flat {row}, 1 Example Row, London SE99 9ZZ\""),
        "IOM",
        string.Empty,
        string.Empty,
        string.Empty,
        "Y",
        "N",
        "Lewisham IOM probation team",
        optInConsentRef ?? string.Empty);

    /// <summary>The header and new notices for people 1 to <paramref name="rows"/>.</summary>
    public static string NewNotices(int rows) => NewNotices(1, rows);

    /// <summary>The header and new notices for people <paramref name="first"/> to <paramref name="first"/> + <paramref name="rows"/> - 1.</summary>
    public static string NewNotices(int first, int rows) =>
        string.Join('\n', [Header, .. Enumerable.Range(first, rows).Select(row => NewNotice(row))]) + "\n";
}
