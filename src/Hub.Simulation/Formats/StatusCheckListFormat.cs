using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>
/// DWP's check log (<c>status-checks-*.csv</c>) as samples/jcp/employment-status-checks.csv: each answer quotes the
/// housing query's id and keeps its footing (WRA 2012 s131) and purpose (homelessness-application).
/// </summary>
public static class StatusCheckListFormat
{
    public const string Gateway = "WRA2012-s131";
    public const string Purpose = "homelessness-application";

    public static IReadOnlyList<string> Header { get; } =
        ["query_id", "nino", "claim_ref", "status", "checked_on", "answered_at", "consent_ref", "legal_gateway", "purpose"];

    public static IReadOnlyList<string> Row(StatusCheckAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return
        [
            answer.QueryId.ToString(),
            answer.Person.Nino,
            answer.ClaimRef ?? string.Empty,
            answer.Status,
            Instants.Text(DateOnly.FromDateTime(answer.AnsweredAt.UtcDateTime)),
            Instants.Text(answer.AnsweredAt),
            string.Empty,
            Gateway,
            Purpose,
        ];
    }
}
