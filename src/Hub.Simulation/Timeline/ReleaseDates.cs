using Hub.Simulation.Randomness;

namespace Hub.Simulation.Timeline;

/// <summary>Release dates with the Friday skew (§4d): Friday with the profile's share, otherwise Monday to Thursday.</summary>
internal static class ReleaseDates
{
    public static DateOnly InWeekOf(DateOnly target, double fridayShare, SimRandom random)
    {
        var monday = MondayOf(target);
        return monday.AddDays(random.Chance(fridayShare) ? 4 : random.Between(0, 3));
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The next working day on or after <paramref name="date"/>.</summary>
    public static DateOnly WorkingDayFrom(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    public static DateTimeOffset At(DateOnly date, int minutesAfterMidnight) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minutesAfterMidnight);

    /// <summary>Working days in a year, for spreading annual figures over the days agency offices issue records.</summary>
    public const double WorkingDaysPerYear = 365.25 / 7 * 5;
}
