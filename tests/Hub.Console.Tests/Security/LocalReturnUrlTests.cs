using Hub.WebConsole.Pages.SignIn;

namespace Hub.WebConsole.Tests.Security;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/agreements", "/agreements")]
    [InlineData("/flow-matrix?source=nhs", "/flow-matrix?source=nhs")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("agreements", "/")]
    public void Only_paths_on_this_console_are_followed(string? given, string expected) =>
        LocalReturnUrl.Or(given).ShouldBe(expected);
}
