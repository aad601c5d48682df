namespace Hub.WebConsole.Security;

/// <summary>The console's roles, as role claims carry them after sign-in (OpenID Connect roles are mapped onto these).</summary>
public static class ConsoleRoles
{
    /// <summary>Information governance lead: agreements, the flow matrix, the explainer, subject access.</summary>
    public const string IgLead = "ig-lead";

    /// <summary>Runs the hub: overview, decision log, dead letters, recalls.</summary>
    public const string Operator = "operator";

    /// <summary>Reads the ledger and its verification; changes nothing.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [IgLead, Operator, Auditor];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
