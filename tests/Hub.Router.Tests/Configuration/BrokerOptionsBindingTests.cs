using Hub.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

/// <summary>The bus never waits without limit for consumers when an endpoint stops (docs/adr/0021).</summary>
public sealed class BrokerOptionsBindingTests
{
    [Fact]
    public void When_nothing_is_configured_should_bound_the_bus_stop_and_consumer_stop_waits()
    {
        var host = Resolve([]).GetRequiredService<IOptions<MassTransitHostOptions>>().Value;

        host.ConsumerStopTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        host.StopTimeout.ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void When_the_broker_section_sets_the_waits_should_pass_them_to_the_bus()
    {
        var host = Resolve(new() { ["Broker:ConsumerStopTimeout"] = "00:00:03", ["Broker:StopTimeout"] = "00:00:07" })
            .GetRequiredService<IOptions<MassTransitHostOptions>>().Value;

        host.ConsumerStopTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        host.StopTimeout.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void When_the_stop_wait_is_shorter_than_the_consumer_wait_should_refuse_naming_both()
    {
        var broker = Resolve(new() { ["Broker:ConsumerStopTimeout"] = "00:00:30", ["Broker:StopTimeout"] = "00:00:05" });

        var failure = Should.Throw<OptionsValidationException>(() => broker.GetRequiredService<IOptions<BrokerOptions>>().Value);
        failure.Message.ShouldContain("Broker:StopTimeout must be at least Broker:ConsumerStopTimeout");
    }

    private static ServiceProvider Resolve(Dictionary<string, string?> settings)
    {
        settings["Broker:Username"] = "hub-router";
        settings["Broker:Password"] = "not-a-real-password";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddBrokerOptions(configuration).BuildServiceProvider();
    }
}
