using System.Globalization;
using Hub.Simulation.Population;
using Hub.Simulation.Randomness;

namespace Hub.Simulation.Timeline;

/// <summary>
/// The DSA-009 enhanced-resettlement opt-in (AS-09) a released person may sign during release planning: recorded
/// before the notice that cites it, and for some withdrawn after release. Every third names the recipients
/// (police, council, jcp) instead of the agreement, so both shapes of the consents list are exercised.
/// </summary>
internal static class OptInConsents
{
    public const string AgreementId = "DSA-009";
    public const string Purpose = "enhanced-resettlement";
    private static readonly string[] Parties = ["police", "council", "jcp"];

    public static ConsentEntry Given(string consentId, SyntheticPerson person, DateTimeOffset noticeIssuedAt, int sequence, SimRandom random)
    {
        // Recorded the same morning the notice goes out, never before that day starts, so a window that holds the
        // notice holds its consent too; signed a day or three earlier.
        var dayStart = new DateTimeOffset(noticeIssuedAt.UtcDateTime.Date, TimeSpan.Zero);
        var recordedAt = noticeIssuedAt.AddMinutes(-random.Between(30, 300));
        recordedAt = recordedAt < dayStart ? dayStart.AddMinutes(1) : recordedAt;
        var givenAt = recordedAt.AddDays(-random.Between(1, 3)).AddMinutes(-random.Between(0, 120));
        var named = sequence % 3 == 2;
        return new ConsentEntry
        {
            ConsentId = consentId,
            Withdrawal = false,
            RecordedAt = recordedAt,
            Person = person,
            Purposes = [Purpose],
            Recipients = named ? Parties : [],
            AgreementId = named ? null : AgreementId,
            GivenAt = givenAt,
            ExpiresAt = givenAt.AddDays(365),
            EvidenceRef = "PRB-OPTIN-FORM-" + consentId["C-".Length..],
        };
    }

    /// <summary>A withdrawal some days after release; null when the person keeps their consent.</summary>
    public static ConsentEntry? Withdrawn(ConsentEntry given, DateOnly releaseDate, double withdrawalShare, SimRandom random)
    {
        if (!random.Chance(withdrawalShare))
        {
            return null;
        }

        var withdrawnAt = ReleaseDates.At(releaseDate.AddDays(random.Between(1, 120)), random.Between(9 * 60, 17 * 60));
        return new ConsentEntry
        {
            ConsentId = given.ConsentId,
            Withdrawal = true,
            RecordedAt = withdrawnAt.AddMinutes(random.Between(10, 600)),
            Person = given.Person,
            WithdrawnAt = withdrawnAt,
        };
    }

    public static string IdFor(string runTag, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"C-SIM-{runTag}-{day:yyyyMMdd}-{sequence:000}");
}
