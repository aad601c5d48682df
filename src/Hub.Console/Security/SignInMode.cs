namespace Hub.WebConsole.Security;

/// <summary>How users sign in; there is no default, so a deployment cannot start with the embedded run's sign-in by accident.</summary>
public enum SignInMode
{
    /// <summary>Not configured: the console refuses to start.</summary>
    None,

    /// <summary>The embedded run: one local user and a password generated at each start.</summary>
    Local,

    /// <summary>Deployments: OpenID Connect (Entra ID, ADFS) with the provider's role claims mapped to console roles.</summary>
    Oidc,
}
