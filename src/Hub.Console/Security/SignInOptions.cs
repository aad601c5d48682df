using Hub.WebConsole.Security.Local;
using Hub.WebConsole.Security.Oidc;

namespace Hub.WebConsole.Security;

/// <summary>Settings under <c>Console:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string Section = "Console:SignIn";

    public SignInMode Mode { get; set; } = SignInMode.None;

    public LocalSignInOptions Local { get; set; } = new();

    public OidcSignInOptions Oidc { get; set; } = new();

    /// <summary>How long a sign-in lasts before the user signs in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
