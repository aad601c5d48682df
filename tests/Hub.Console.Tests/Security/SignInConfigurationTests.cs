using Hub.WebConsole.Hosting;
using Hub.WebConsole.Security;
using Hub.WebConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Hub.WebConsole.Tests.Security;

/// <summary>The console refuses to start with a sign-in or agreements configuration it cannot honour.</summary>
public sealed class SignInConfigurationTests : IDisposable
{
    private readonly AgreementFolder _agreements = new();

    public void Dispose() => _agreements.Dispose();

    [Fact]
    public void There_is_no_default_sign_in_mode()
    {
        var failure = StartFails(new() { ["Console:SignIn:Mode"] = "None" });

        failure.ShouldContain("Console:SignIn:Mode must be set");
    }

    [Fact]
    public void A_placeholder_client_secret_is_refused()
    {
        var failure = StartFails(Oidc(secret: "change-me"));

        failure.ShouldContain("Console:SignIn:Oidc:ClientSecret holds a placeholder");
        failure.ShouldNotContain("change-me");
    }

    [Fact]
    public void A_role_map_to_an_unknown_role_is_refused()
    {
        var settings = Oidc(secret: "s3cret-from-the-store");
        settings["Console:SignIn:Oidc:RoleMap:AgencyHub.Admin"] = "admin";

        StartFails(settings).ShouldContain("Console:SignIn:Oidc:RoleMap:AgencyHub.Admin maps to 'admin', which is not a console role");
    }

    [Fact]
    public void A_missing_agreements_folder_is_refused()
    {
        StartFails(new() { ["Console:Agreements:Path"] = Path.Combine(_agreements.Path, "missing") })
            .ShouldContain("Console:Agreements:Path names a folder that does not exist.");
    }

    [Fact]
    public void A_valid_oidc_configuration_is_accepted() => Failures(Oidc(secret: "s3cret-from-the-store")).ShouldBeEmpty();

    [Fact]
    public async Task The_console_refuses_a_bad_configuration_with_one_line_and_exit_code_2()
    {
        var result = await ProgramRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Hub.Console.dll")], _agreements.Path, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["AGENCYHUB_Console__SignIn__Mode"] = "Local" });

        result.ExitCode.ShouldBe(2);
        result.Errors.Trim().ShouldBe("agencyhub console: configuration refused: Console:Agreements:Path must name the agreements folder the router reads.");
        result.Output.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData(null, "Console:SignIn:Oidc:Authority must be the provider's https issuer address.")]
    [InlineData("http://adfs.example/adfs", "Console:SignIn:Oidc:Authority must be the provider's https issuer address.")]
    public void The_authority_must_be_https(string? authority, string expected)
    {
        var options = new SignInOptions { Mode = SignInMode.Oidc };
        options.Oidc.Authority = authority;
        options.Oidc.ClientId = "console";
        options.Oidc.ClientSecret = "s";
        options.Oidc.RoleMap["AgencyHub.IgLead"] = ConsoleRoles.IgLead;

        SignInOptionsCheck.Check(options).ShouldBe([expected]);
    }

    [Fact]
    public void An_empty_role_map_is_refused()
    {
        var options = new SignInOptions { Mode = SignInMode.Oidc };
        options.Oidc.Authority = "https://login.example/tenant/v2.0";
        options.Oidc.ClientId = "console";
        options.Oidc.ClientSecret = "s";

        SignInOptionsCheck.Check(options).ShouldHaveSingleItem().ShouldStartWith("Console:SignIn:Oidc:RoleMap is empty");
    }

    private static Dictionary<string, string?> Oidc(string secret) => new()
    {
        ["Console:SignIn:Mode"] = "Oidc",
        ["Console:SignIn:Oidc:Authority"] = "https://login.example/tenant/v2.0",
        ["Console:SignIn:Oidc:ClientId"] = "agencyhub-console",
        ["Console:SignIn:Oidc:ClientSecret"] = secret,
        ["Console:SignIn:Oidc:RoleMap:AgencyHub.IgLead"] = ConsoleRoles.IgLead,
    };

    private string StartFails(Dictionary<string, string?> settings)
    {
        var failures = Failures(settings);
        failures.ShouldNotBeEmpty("the configuration should be refused");
        return string.Join(" ", failures);
    }

    /// <summary>The console's own services and start-up check, over the factory's settings plus <paramref name="settings"/>.</summary>
    private IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:SignIn:Mode"] = "Local",
            ["Console:Agreements:Path"] = _agreements.Path,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHubConsole();
        using var app = builder.Build();
        return StartupCheck.Failures(app.Services);
    }
}
