using Hub.WebConsole.Security.Oidc;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Security;

/// <summary>Refuses to start with a sign-in configuration that is missing, ambiguous or would grant nothing.</summary>
public sealed class SignInOptionsCheck : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Check(SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            yield return "Console:SignIn:SessionLifetime must be positive.";
        }

        switch (options.Mode)
        {
            case SignInMode.Local:
                foreach (var failure in CheckLocal(options))
                {
                    yield return failure;
                }

                break;
            case SignInMode.Oidc:
                foreach (var failure in CheckOidc(options.Oidc))
                {
                    yield return failure;
                }

                break;
            default:
                yield return "Console:SignIn:Mode must be set: Local (the embedded run) or Oidc (deployments).";
                break;
        }
    }

    private static IEnumerable<string> CheckLocal(SignInOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Local.UserName))
        {
            yield return "Console:SignIn:Local:UserName must not be empty.";
        }

        foreach (var role in (options.Local.Roles ?? []).Where(r => !ConsoleRoles.IsKnown(r)))
        {
            yield return $"Console:SignIn:Local:Roles holds '{role}', which is not a console role ({string.Join(", ", ConsoleRoles.All)}).";
        }
    }

    private static IEnumerable<string> CheckOidc(OidcSignInOptions oidc)
    {
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Console:SignIn:Oidc:Authority must be the provider's https issuer address.";
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            yield return "Console:SignIn:Oidc:ClientId must be set.";
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
        {
            yield return "Console:SignIn:Oidc:ClientSecret must be set (from the secret store).";
        }

        if (string.IsNullOrWhiteSpace(oidc.RoleClaimType))
        {
            yield return "Console:SignIn:Oidc:RoleClaimType must name the claim that carries roles (roles for Entra ID, role for ADFS).";
        }

        if (oidc.RoleMap.Count == 0)
        {
            yield return "Console:SignIn:Oidc:RoleMap is empty: map at least one provider role to a console role, or nobody can use the console.";
        }

        foreach (var (provided, role) in oidc.RoleMap.Where(m => !ConsoleRoles.IsKnown(m.Value)))
        {
            yield return $"Console:SignIn:Oidc:RoleMap:{provided} maps to '{role}', which is not a console role ({string.Join(", ", ConsoleRoles.All)}).";
        }
    }
}
