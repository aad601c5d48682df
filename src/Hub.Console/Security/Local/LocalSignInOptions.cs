namespace Hub.WebConsole.Security.Local;

/// <summary>Settings under <c>Console:SignIn:Local</c>: the embedded run's single user.</summary>
public sealed class LocalSignInOptions
{
    public string UserName { get; set; } = "local";

    /// <summary>The console roles the local user holds; null means all of them (the person who started the run).</summary>
    public string[]? Roles { get; set; }

    /// <summary>
    /// Where the console writes the password it generated at start-up (owner-only permissions), for a console started
    /// on its own; <c>hub console</c> prints it instead. Optional.
    /// </summary>
    public string? PasswordFile { get; set; }

    public IReadOnlyList<string> RolesOrAll => Roles is { Length: > 0 } roles ? roles : ConsoleRoles.All;
}
