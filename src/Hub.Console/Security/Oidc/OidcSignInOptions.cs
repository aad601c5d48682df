namespace Hub.WebConsole.Security.Oidc;

/// <summary>Settings under <c>Console:SignIn:Oidc</c>: the identity provider (Entra ID or ADFS) and how its roles map.</summary>
public sealed class OidcSignInOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://adfs.example/adfs</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the secret store; a sample's placeholder refuses to start.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim the provider puts roles in: <c>roles</c> for Entra ID app roles, <c>role</c> for ADFS.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The claim that names the user (shown on pages and written to access records).</summary>
    public string NameClaimType { get; set; } = "name";

    /// <summary>
    /// The provider's role values and the console role each grants, e.g. <c>"AgencyHub.IgLead": "ig-lead"</c>. A role
    /// not listed grants nothing; a user with no mapped role is refused every page.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    public string CallbackPath { get; set; } = "/signin-oidc";

    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";
}
