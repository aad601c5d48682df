using System.Security.Claims;

namespace Hub.WebConsole.Security.Oidc;

/// <summary>
/// Turns the identity a provider's token describes into a console principal: the provider's role claims become
/// console roles through <see cref="OidcSignInOptions.RoleMap"/>; unmapped roles, and any role claim the provider
/// sent under the console's own claim type, are dropped.
/// </summary>
public static class OidcRoleMapper
{
    public static ClaimsPrincipal Map(ClaimsPrincipal provided, OidcSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(provided);
        ArgumentNullException.ThrowIfNull(options);
        var claims = provided.Claims.ToList();
        var roles = claims
            .Where(c => c.Type == options.RoleClaimType)
            .Select(c => options.RoleMap.TryGetValue(c.Value, out var role) ? role : null)
            .OfType<string>();
        var kept = claims.Where(c => c.Type != options.RoleClaimType && c.Type != ClaimTypes.Role && c.Type != ClaimTypes.Name);
        var name = claims.FirstOrDefault(c => c.Type == options.NameClaimType)?.Value
            ?? claims.FirstOrDefault(c => c.Type is "preferred_username" or "upn" or "sub")?.Value
            ?? "unknown";
        return ConsolePrincipal.Create(name, roles, provided.Identity?.AuthenticationType ?? "oidc", kept);
    }
}
