using System.Globalization;
using Hub.Simulation.Population;
using Hub.Simulation.Randomness;

namespace Hub.Simulation.Timeline;

/// <summary>
/// A day of prison release planning: NEW notices issued on working days at §4a's annual rate (Poisson per day), release
/// dates 1–8 weeks ahead with §4d's Friday skew, a share amended once or twice before the date, and opt-in consents.
/// </summary>
internal sealed class ReleaseGenerator(SimulationSettings settings, SyntheticPopulation population)
{
    private static readonly (string Code, string Name)[] Prisons =
    [
        ("BXI", "HMP Brixton"), ("WWI", "HMP Wandsworth"), ("PVI", "HMP Pentonville"), ("TSI", "HMP Thameside"),
        ("BAI", "HMP Belmarsh"), ("ISI", "HMP Isis"), ("BZI", "HMP Bronzefield"),
    ];

    private static readonly string[] AmendmentReasons =
    [
        "Release date recalculated", "Additional days awarded", "Home detention curfew approved", "Remand time credited",
    ];

    public IEnumerable<ISimulatedRecord> Day(DateOnly day)
    {
        if (ReleaseDates.IsWeekend(day))
        {
            yield break;
        }

        var random = SimRandom.Stream(settings.RunKey, "releases", day.DayNumber);
        var count = random.Poisson(settings.Profile.ReleasesPerYear * settings.Scale / ReleaseDates.WorkingDaysPerYear);
        for (var i = 0; i < count; i++)
        {
            foreach (var record in Release(day, i, random))
            {
                yield return record;
            }
        }
    }

    private IEnumerable<ISimulatedRecord> Release(DateOnly day, int sequence, SimRandom random)
    {
        var profile = settings.Profile;
        var person = population.Person(population.RandomResident(random));
        var prison = random.Pick(Prisons);
        var issuedAt = ReleaseDates.At(day, random.Between(8 * 60, 17 * 60));
        var releaseDate = ReleaseDates.InWeekOf(day.AddDays(random.Between(7, 56)), profile.FridayShare, random);
        var tier = TierOf(random.NextDouble());
        ConsentEntry? consent = null;
        ConsentEntry? withdrawal = null;
        if (tier is not ("MAPPA" or "PPO") && random.Chance(profile.OptInShare))
        {
            consent = OptInConsents.Given(OptInConsents.IdFor(settings.RunTag, day, sequence), person, issuedAt, sequence, random);
            withdrawal = OptInConsents.Withdrawn(consent, releaseDate, profile.WithdrawalShare, random);
            yield return consent;
        }

        var notice = new ReleaseNotice
        {
            NoticeId = string.Create(CultureInfo.InvariantCulture, $"HMP{prison.Code}-{day:yyyyMMdd}-{settings.RunTag}-{sequence:000}"),
            IssuedAt = issuedAt,
            Prison = prison.Name,
            Person = person,
            HasNino = !random.Chance(profile.NoNinoShare),
            ReleaseDate = releaseDate,
            SentenceMonths = random.Chance(profile.UnderTwelveMonthsShare) ? random.Between(1, 11) : random.Between(12, 120),
            CohortTier = tier,
            SubstanceMisuse = random.Chance(0.35),
            MentalHealth = random.Chance(0.25),
            LeadProfessional = tier == "IOM" ? "Lewisham IOM probation team" : $"Lewisham probation practitioner team {random.Between(1, 6)}",
            OptInConsentRef = consent?.ConsentId,
        };
        yield return notice;

        var amendments = random.Chance(profile.AmendedShare) ? (random.Chance(profile.SecondAmendmentShare) ? 2 : 1) : 0;
        var previous = notice;
        for (var k = 1; k <= amendments && Amend(previous, k, consent, withdrawal, random) is { } amendment; k++)
        {
            yield return amendment;
            previous = amendment;
        }

        if (withdrawal is not null)
        {
            yield return withdrawal;
        }
    }

    private ReleaseNotice? Amend(ReleaseNotice previous, int number, ConsentEntry? consent, ConsentEntry? withdrawal, SimRandom random)
    {
        var firstDay = DateOnly.FromDateTime(previous.IssuedAt.UtcDateTime).AddDays(1);
        var room = previous.ReleaseDate.DayNumber - firstDay.DayNumber;
        if (room < 1)
        {
            return null;
        }

        var issuedOn = ReleaseDates.WorkingDayFrom(firstDay.AddDays(random.Between(0, room - 1)));
        if (issuedOn >= previous.ReleaseDate)
        {
            return null;
        }

        var issuedAt = ReleaseDates.At(issuedOn, random.Between(8 * 60, 17 * 60));
        var weekend = random.Chance(settings.Profile.WeekendAmendmentShare);
        var moved = previous.ReleaseDate.AddDays(random.Between(1, 10) * (random.Chance(0.5) ? -1 : 1));
        var date = weekend ? ReleaseDates.MondayOf(moved).AddDays(5) : ReleaseDates.InWeekOf(moved, settings.Profile.FridayShare, random);
        if (date <= issuedOn || date == previous.ReleaseDate)
        {
            date = ReleaseDates.InWeekOf(issuedOn.AddDays(7), settings.Profile.FridayShare, random);
        }

        // An amendment always changes the date: a week later, on the same weekday, if the draw landed on the old one.
        date = date == previous.ReleaseDate ? date.AddDays(7) : date;

        return previous with
        {
            NoticeId = string.Create(CultureInfo.InvariantCulture, $"{RootOf(previous)}-A{number}"),
            SupersedesNoticeId = previous.NoticeId,
            IssuedAt = issuedAt,
            ReleaseDate = date,
            PreviousReleaseDate = previous.ReleaseDate,
            SentenceMonths = null,
            AmendmentReason = ReleaseDates.IsWeekend(date) ? "Release date falls on a weekend" : random.Pick(AmendmentReasons),
            OptInConsentRef = consent is not null && (withdrawal is null || withdrawal.WithdrawnAt > issuedAt) ? consent.ConsentId : null,
        };
    }

    /// <summary>Amendments are numbered on the original notice's id: <c>…-004-A1</c>, <c>…-004-A2</c>.</summary>
    private static string RootOf(ReleaseNotice notice) =>
        notice.SupersedesNoticeId is null ? notice.NoticeId : notice.NoticeId[..notice.NoticeId.LastIndexOf("-A", StringComparison.Ordinal)];

    private string? TierOf(double draw)
    {
        var profile = settings.Profile;
        return draw < profile.PpoShare ? "PPO"
            : draw < profile.PpoShare + profile.MappaShare ? "MAPPA"
            : draw < profile.PpoShare + profile.MappaShare + profile.IomShare ? "IOM"
            : null;
    }
}
