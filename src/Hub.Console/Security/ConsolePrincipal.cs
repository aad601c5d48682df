using System.Security.Claims;

namespace Hub.WebConsole.Security;

/// <summary>The signed-in user as the console sees them: a name and console roles under <see cref="ClaimTypes.Role"/>.</summary>
public static class ConsolePrincipal
{
    public static ClaimsPrincipal Create(string name, IEnumerable<string> roles, string authenticationType, IEnumerable<Claim>? others = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(others ?? []);
        claims.AddRange(roles.Where(ConsoleRoles.IsKnown).Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The console roles <paramref name="user"/> holds, in the order of <see cref="ConsoleRoles.All"/>.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. ConsoleRoles.All.Where(user.IsInRole)];
    }
}
