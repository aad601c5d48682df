using Microsoft.AspNetCore.Authorization;

namespace Hub.WebConsole.Security;

/// <summary>
/// Authorization policies, one per role; every page names one (<c>[Authorize(Policy = ...)]</c>) or is explicitly
/// anonymous. <c>[Authorize]</c> without a policy, and the fallback for any endpoint that names none, both mean a
/// signed-in user holding at least one console role.
/// </summary>
public static class ConsolePolicies
{
    public const string IgLead = "console-ig-lead";
    public const string Operator = "console-operator";
    public const string Auditor = "console-auditor";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(IgLead, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.IgLead));
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Operator));
        options.AddPolicy(Auditor, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Auditor));
        var anyRole = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(ConsoleRoles.All).Build();
        options.DefaultPolicy = anyRole;
        options.FallbackPolicy = anyRole;
    }
}
