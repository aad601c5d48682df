using System.Globalization;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts.Subjects;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Security;

/// <summary>
/// One fictional person whose every detail is distinctive enough to search for: a name, NHS number, NINo, PNC id,
/// prison number, case reference, date of birth and address, and the invalid values (a failed check digit, a name in
/// a date field) that bad input carries. <see cref="Seeds"/> is what no output of the hub may contain.
/// </summary>
public static class SeededPerson
{
    public const string Name = "Ottoline Quaritch";
    public const string Sibling = "Wilhelmina Poskitt";
    public const string Nino = "JZ864209D";
    public const string NomsId = "G4821QX";
    public const string Crn = "PRB-QX7731";
    public const string DateOfBirth = "2004-02-29";
    public const string Street = "17 Quillfeather Mews";
    public const string Postcode = "SE99 4QX";
    public const string Address = Street + ", London " + Postcode;

    public static readonly string NhsNumber = Hub.Contracts.Subjects.NhsNumber.WithCheckDigit("999000127")!;

    /// <summary>The NHS number with its check digit off by one: invalid, and still personal data.</summary>
    public static readonly string BadNhsNumber = NhsNumber[..9] + ((NhsNumber[9] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);

    public static readonly string Pnc = PncId.Create(2021, 654321);

    /// <summary>The PNC id with a wrong check letter.</summary>
    public static readonly string BadPnc = Pnc[..^1] + (Pnc[^1] == 'Z' ? 'Y' : 'Z');

    public static IReadOnlyList<string> Seeds { get; } =
    [
        Name, "Quaritch", Sibling, "Poskitt", Nino, NomsId, Crn, DateOfBirth, Street, "Quillfeather", Postcode, NhsNumber, BadNhsNumber, Pnc, BadPnc,
    ];

    /// <summary>A prison release list: one valid new notice for Lewisham (shared with police), one whose cells fail mapping, one with too few cells.</summary>
    public static string ReleaseList() => string.Join('\n',
        ReleaseListCsv.Header,
        Release("HMPFIC-PII-0001", Pnc, Nino, "2026-12-04", "N"),
        Release("HMPFIC-PII-0002", BadPnc, Nino[..5], Name, DateOfBirth),
        CsvParser.Format(["HMPFIC-PII-0003", "NEW", Name, Address, NhsNumber])) + "\n";

    /// <summary>Care leavers' referrals: one valid, one whose local authority is a name and whose identified-on date precedes the birth.</summary>
    public static string LeavingCareReferrals() => string.Join('\n',
        "referral_id,crn,pnc_id,nino,identified_on,responsible_la,residence_la,accommodation_needed_by,current_accommodation,contact_address,date_of_birth,leaving_care_team,pathway_plan,dtr_consent_ref,notes",
        CsvParser.Format(["DTR-PII-0001", Crn, Pnc, Nino, "2026-11-18", "Lewisham", "Southwark", "2026-12-04", "Custody", "c/o " + Address, DateOfBirth, "lewisham-leaving-care-1", "Y", "DTR-C-PII-1", $"Wants to live near {Sibling}; {Name} agrees"]),
        CsvParser.Format(["DTR-PII-0002", Crn, BadPnc, Nino, "2003-01-01", Name, "Southwark", "2026-12-04", "Custody", Address, DateOfBirth, "", "Y", "DTR-C-PII-2", Sibling])) + "\n";

    /// <summary>A release list the reader cannot split into rows (a quoted cell never closes), so it is quarantined whole.</summary>
    public static string UnreadableReleaseList() =>
        ReleaseListCsv.Header + "\n" + $"HMPFIC-PII-0004,NEW,,2026-11-02T09:15:00Z,HMP Fictional,{Pnc},{NomsId},{Nino},2026-12-04,,8,lewisham,\"{Address}, {Name}\n";

    /// <summary>The same release notice as the case system's HTTP call sends it (camelCase record).</summary>
    public static Dictionary<string, string> ReleaseRecord(string noticeId) => new()
    {
        ["noticeId"] = noticeId,
        ["noticeType"] = "NEW",
        ["issuedAt"] = "2026-11-02T09:15:00Z",
        ["prison"] = "HMP Fictional",
        ["pncId"] = Pnc,
        ["nomsId"] = NomsId,
        ["nino"] = Nino,
        ["releaseDate"] = "2026-12-04",
        ["sentenceMonths"] = "8",
        ["resettlementArea"] = "lewisham",
        ["addressOnRelease"] = Address,
        ["cohortTier"] = "IOM",
        ["licenceConditions"] = $"No contact with {Sibling}",
        ["substanceMisuseFlag"] = "Y",
        ["mentalHealthFlag"] = "N",
        ["leadProfessional"] = "Lewisham IOM probation team",
    };

    private static string Release(string noticeId, string pnc, string nino, string releaseDate, string substanceFlag) => CsvParser.Format(
    [
        noticeId, "NEW", "", "2026-11-02T09:15:00Z", "HMP Fictional", pnc, NomsId, nino, releaseDate, "", "8", "lewisham", Address, "IOM",
        $"Not to contact {Sibling}", "", "", substanceFlag, "N", "Lewisham IOM probation team", "",
    ]);
}
