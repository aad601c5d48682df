using System.CommandLine;
using Hub.Contracts.Agencies;

namespace Hub.Cli.Commands.Rules;

/// <summary>Options several <c>hub rules</c> commands share.</summary>
internal static class RulesOptions
{
    public static Option<DateOnly?> Today() => new("--today")
    {
        Description = "Judge expiry and review dates as of this date (YYYY-MM-DD; default: today)",
    };

    public static DateOnly TodayOr(DateOnly? given) => given ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>The agencies that are candidate recipients, as the router's default configuration has them.</summary>
    public static IReadOnlyList<AgencyCode> Agencies => AgencyCode.WellKnown;
}
