using System.CommandLine;

namespace Hub.Cli.Commands.Rules;

/// <summary>Options several <c>hub rules</c> commands share.</summary>
internal static class RulesOptions
{
    public static Option<DateOnly?> Today() => new("--today")
    {
        Description = "Judge expiry and review dates as of this date (YYYY-MM-DD; default: today)",
    };

    public static DateOnly TodayOr(DateOnly? given) => given ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
}
