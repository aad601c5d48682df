using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

/// <summary><c>Broker:Hosts</c>: a cluster's nodes, each with its own port or <c>Broker:Port</c> (docs/reliability.md).</summary>
public sealed class BrokerHostsBindingTests
{
    [Fact]
    public void When_no_hosts_are_configured_should_use_the_one_host_and_port()
    {
        var broker = Bind(new() { ["Broker:Host"] = "rabbit", ["Broker:Port"] = "5671" });

        BrokerNodes.Of(broker).ShouldBe([new BrokerNode("rabbit", 5671)]);
    }

    [Fact]
    public void When_hosts_are_configured_should_use_them_in_order_with_the_default_port_where_none_is_given()
    {
        var broker = Bind(new()
        {
            ["Broker:Host"] = "ignored",
            ["Broker:Port"] = "5671",
            ["Broker:Hosts:0"] = "rabbit-1:25672",
            ["Broker:Hosts:1"] = "rabbit-2",
            ["Broker:Hosts:2"] = " 10.0.0.3:5672 ",
        });

        BrokerNodes.Of(broker).ShouldBe([new BrokerNode("rabbit-1", 25672), new BrokerNode("rabbit-2", 5671), new BrokerNode("10.0.0.3", 5672)]);
        BrokerTls.ServerNameOf(broker).ShouldBe("rabbit-1", "one certificate name for every node, the first node's unless Broker:Tls:ServerName says otherwise");
    }

    [Theory]
    [InlineData("rabbit-1:0", "Broker:Hosts:1 has a port that is not a number from 1 to 65535.")]
    [InlineData("rabbit-1:70000", "Broker:Hosts:1 has a port that is not a number from 1 to 65535.")]
    [InlineData("rabbit-1:amqp", "Broker:Hosts:1 has a port that is not a number from 1 to 65535.")]
    [InlineData("::1", "Broker:Hosts:1 must be host or host:port (IPv6 literals are not supported: use a host name).")]
    [InlineData(":5672", "Broker:Hosts:1 must be host or host:port (IPv6 literals are not supported: use a host name).")]
    public void When_an_entry_is_not_a_node_should_say_which_and_why(string entry, string reason)
    {
        var broker = Bind(new() { ["Broker:Hosts:0"] = "rabbit-0", ["Broker:Hosts:1"] = entry });

        BrokerNodes.TryRead(broker, out _, out var error).ShouldBeFalse();
        error.ShouldBe(reason);
        var resolved = Resolve(new() { ["Broker:Hosts:0"] = "rabbit-0", ["Broker:Hosts:1"] = entry });
        Should.Throw<OptionsValidationException>(() => resolved.GetRequiredService<IOptions<BrokerOptions>>().Value).Message.ShouldContain("Broker:Hosts");
    }

    private static BrokerOptions Bind(Dictionary<string, string?> settings)
    {
        var broker = new BrokerOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(BrokerOptions.SectionName).Bind(broker);
        return broker;
    }

    private static ServiceProvider Resolve(Dictionary<string, string?> settings)
    {
        settings["Broker:Username"] = "hub-router";
        settings["Broker:Password"] = "not-a-real-password";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddBrokerOptions(configuration).BuildServiceProvider();
    }
}
