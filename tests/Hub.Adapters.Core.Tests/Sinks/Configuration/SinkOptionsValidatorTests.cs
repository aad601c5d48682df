using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Delivery.Deduplication;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sinks.DropFolder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Tests.Sinks.Configuration;

public sealed class SinkOptionsValidatorTests
{
    [Fact]
    public void When_a_webhook_has_no_url_or_uses_plain_http_off_loopback_should_name_each_setting()
    {
        var result = Validate(new()
        {
            ["Adapter:Sink:Kind"] = "Webhook",
            ["Adapter:Sink:Webhook:RecallUrl"] = "http://casesystem.example.gov.uk/recalls",
            ["Adapter:Sink:Webhook:BearerToken"] = "secret-that-must-not-appear",
        });

        result.ShouldContain(f => f.Contains("Adapter:Sink:Webhook:Url must be an absolute", StringComparison.Ordinal));
        result.ShouldContain(f => f.Contains("Adapter:Sink:Webhook:RecallUrl must use https", StringComparison.Ordinal));
        result.ShouldAllBe(f => !f.Contains("secret-that-must-not-appear", StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_postgres_sink_names_an_unsafe_table_should_refuse_it()
    {
        var result = Validate(new()
        {
            ["Adapter:Sink:Kind"] = "Postgres",
            ["Adapter:Sink:Postgres:ConnectionString"] = "Host=localhost",
            ["Adapter:Sink:Postgres:Table"] = "x; DROP TABLE y",
        });

        result.ShouldHaveSingleItem().ShouldContain("Adapter:Sink:Postgres:Table");
    }

    [Fact]
    public void When_a_durable_deduplicator_lacks_its_store_should_say_which_setting()
    {
        using var provider = Provider(new() { ["Adapter:Deduplication:Kind"] = "Sqlite" });

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeduplicationOptions>>().Value);

        failure.Failures.ShouldHaveSingleItem().ShouldContain("Adapter:Deduplication:SqlitePath");
    }

    [Fact]
    public void When_a_drop_folder_is_configured_should_register_it_as_the_sink()
    {
        using var provider = Provider(new()
        {
            ["Adapter:Sink:Kind"] = "DropFolder",
            ["Adapter:Sink:DropFolder:Path"] = Path.Combine(Path.GetTempPath(), "agencyhub-outbox-" + Guid.NewGuid().ToString("N")),
        });

        provider.GetRequiredService<IDeliverySink>().ShouldBeOfType<DropFolderSink>();
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SinkOptions>>().Value);
        return [.. failure.Failures];
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConfiguredSink(configuration);
        return services.BuildServiceProvider();
    }
}
