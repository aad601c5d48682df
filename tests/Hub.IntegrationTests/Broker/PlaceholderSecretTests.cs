using Hub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// A secret still holding a sample's placeholder (a copied compose.env.example) stops the router at start-up, before
/// it reaches the broker or the ledger, with an error that names the setting and never quotes the value.
/// </summary>
[Collection(ServersGroup.Name)]
public class PlaceholderSecretTests(ServersFixture servers)
{
    [Theory]
    [InlineData("Broker:Password", "change-me")]
    [InlineData("Broker:Password", "<from the secret store>")]
    [InlineData("Ledger:SubjectKey", "CHANGE_ME")]
    public async Task When_a_secret_setting_holds_a_sample_placeholder_should_refuse_to_start_naming_the_setting(string setting, string placeholder)
    {
        var ledger = await servers.CreateDatabaseAsync();

        var refused = await Should.ThrowAsync<Exception>(() => RouterUnderTest.StartAsync(servers.Broker, ledger, TestAgreements.WriteFolder(), new Dictionary<string, string?> { [setting] = placeholder }));

        var message = Messages(refused);
        message.ShouldContain($"{setting} holds a placeholder from a sample configuration");
        message.ShouldNotContain(placeholder, Case.Insensitive);
    }

    [Fact]
    public async Task When_the_ledger_connection_string_has_a_placeholder_password_should_refuse_to_start_naming_the_setting()
    {
        var ledger = await servers.CreateDatabaseAsync();
        var withPlaceholder = new Npgsql.NpgsqlConnectionStringBuilder(ledger) { Password = "change-me" }.ConnectionString;

        var refused = await Should.ThrowAsync<Exception>(() => RouterUnderTest.StartAsync(servers.Broker, withPlaceholder, TestAgreements.WriteFolder()));

        var message = Messages(refused);
        message.ShouldContain("ConnectionStrings:Ledger holds a placeholder from a sample configuration");
        message.ShouldNotContain("change-me", Case.Insensitive);
    }

    /// <summary>Start-up validation throws one <see cref="OptionsValidationException"/>, or an aggregate of several.</summary>
    private static string Messages(Exception refused)
    {
        var all = refused is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [refused];
        all.ShouldAllBe(e => e is OptionsValidationException);
        return string.Join(Environment.NewLine, all.Select(e => e.Message));
    }
}
