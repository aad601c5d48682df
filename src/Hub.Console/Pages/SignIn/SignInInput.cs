namespace Hub.WebConsole.Pages.SignIn;

/// <summary>The local sign-in form.</summary>
public sealed class SignInInput
{
    public string? Password { get; set; }
}
