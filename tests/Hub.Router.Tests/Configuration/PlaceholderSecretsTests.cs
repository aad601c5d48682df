using Hub.ServiceDefaults.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

/// <summary>
/// The samples' placeholders (deploy/placeholder-secrets.txt) are refused wherever a secret goes, and only there: a
/// placeholder in a setting that is not a secret, or a real secret, passes.
/// </summary>
public sealed class PlaceholderSecretsTests
{
    [Theory]
    [InlineData("change-me")]
    [InlineData("CHANGE_ME")]
    [InlineData("changeme")]
    [InlineData(" Change Me ")]
    [InlineData("<from the secret store>")]
    [InlineData("<base64 of 32 random bytes>")]
    [InlineData("...")]
    public void When_a_value_is_a_samples_placeholder_should_say_so(string value) =>
        PlaceholderSecrets.IsPlaceholder(value).ShouldBeTrue();

    [Theory]
    [InlineData("3f9c1e0a7b2d4c6e8f0a1b2c3d4e5f60")]
    [InlineData("change-me-to-something-else-entirely")]
    [InlineData("")]
    public void When_a_value_is_not_a_placeholder_should_let_it_pass(string value) =>
        PlaceholderSecrets.IsPlaceholder(value).ShouldBeFalse();

    [Fact]
    public void When_settings_hold_placeholders_should_name_exactly_the_secret_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broker:Password"] = "change-me",
            ["Broker:Username"] = "change-me",
            ["Ledger:SubjectKey"] = "<base64 of 32 random bytes>",
            ["ConnectionStrings:Ledger"] = "Host=postgres;Username=hub_router;Password=change-me;Database=agencyhub",
            ["ConnectionStrings:LedgerAdmin"] = "Host=postgres;Username=agencyhub;Password=0123456789abcdef;Database=agencyhub",
            ["Adapter:Sources:Http:ApiKeys:case-system"] = "<from the secret store>",
            ["Adapter:Sink:Webhook:BearerToken"] = "...",
            ["Adapter:Sink:Postgres:ConnectionString"] = "Host=db;Password=<from the secret store>",
            ["Adapter:Sources:Http:ServerCertificatePassword"] = "real-password-0123",
        }).Build();

        SecretSettings.WithPlaceholders(configuration).ShouldBe(
        [
            "Adapter:Sink:Postgres:ConnectionString",
            "Adapter:Sink:Webhook:BearerToken",
            "Adapter:Sources:Http:ApiKeys:case-system",
            "Broker:Password",
            "ConnectionStrings:Ledger",
            "Ledger:SubjectKey",
        ]);
    }

    [Fact]
    public async Task When_a_host_starts_with_a_placeholder_secret_should_refuse_naming_the_setting_but_not_the_value()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Broker:Password"] = "change-me" });
        PlaceholderSecretCheck.AddTo(builder.Services, builder.Configuration);
        using var host = builder.Build();

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        refused.Message.ShouldContain("Broker:Password holds a placeholder from a sample configuration");
        refused.Message.ShouldNotContain("change-me");
    }
}
