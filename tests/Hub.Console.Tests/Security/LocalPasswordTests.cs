using Hub.WebConsole.Security.Local;
using Hub.WebConsole.Tests.Infrastructure;

namespace Hub.WebConsole.Tests.Security;

public sealed class LocalPasswordTests : IDisposable
{
    private readonly AgreementFolder _agreements = new();

    public void Dispose() => _agreements.Dispose();

    [Fact]
    public void Each_start_generates_a_new_password_that_only_matches_itself()
    {
        var first = new LocalPassword();
        var second = new LocalPassword();

        first.Value.ShouldNotBe(second.Value);
        first.Value.ShouldMatch("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$");
        first.Matches(first.Value).ShouldBeTrue();
        first.Matches(" " + first.Value + "\n").ShouldBeTrue("pasted with surrounding space");
        first.Matches(second.Value).ShouldBeFalse();
        first.Matches(null).ShouldBeFalse();
        first.Matches(string.Empty).ShouldBeFalse();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_console_started_on_its_own_writes_the_password_to_an_owner_only_file()
    {
        var file = Path.Combine(_agreements.Path, "console-password");
        File.WriteAllText(file, "left by an earlier run");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var factory = new ConsoleFactory(_agreements, settings: new Dictionary<string, string?> { ["Console:SignIn:Local:PasswordFile"] = file });

        var password = factory.Password;

        File.ReadAllText(file).Trim().ShouldBe(password);
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
