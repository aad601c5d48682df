using System.Security.Cryptography;
using Hub.Router.Configuration;
using Hub.Router.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

public sealed class LedgerOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void When_the_subject_key_is_missing_should_fail_saying_it_is_required(string? key)
    {
        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = key });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Ledger:SubjectKey is required");
        result.FailureMessage.ShouldContain("32 bytes");
    }

    [Fact]
    public void When_the_subject_key_is_shorter_than_32_bytes_should_fail_without_echoing_it()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(31));

        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = key });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Ledger:SubjectKey");
        result.FailureMessage.ShouldContain("at least 32 bytes");
        result.FailureMessage.ShouldNotContain(key);
    }

    [Theory]
    [InlineData("this-is-not-base64-but-a-long-secret-passphrase!!")]
    [InlineData("c2VjcmV0LXRoYXQtaXMtbm90LXBhZGRlZC1jb3JyZWN0bHk")]
    public void When_the_subject_key_is_not_base64_should_fail_without_echoing_it(string key)
    {
        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = key });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("base64");
        result.FailureMessage.ShouldNotContain(key);
        result.FailureMessage.ShouldNotContain(key[..12]);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void When_the_subject_key_is_base64_of_at_least_32_bytes_should_succeed(int bytes)
    {
        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)) });

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void When_the_router_is_configured_with_a_short_key_should_refuse_its_options_without_echoing_the_key()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:SubjectKey"] = key }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(configuration).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LedgerOptions>>().Value);

        failure.Message.ShouldContain("Ledger:SubjectKey");
        failure.Message.ShouldNotContain(key);
    }

    [Fact]
    public void When_the_subject_key_is_longer_than_512_bytes_should_succeed()
    {
        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024)) });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
    }
}
