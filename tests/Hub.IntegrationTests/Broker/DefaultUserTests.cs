using Hub.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// No broker the hub deploys keeps RabbitMQ's default user: definitions are loaded at boot, so <c>guest</c> is never
/// seeded, and <c>deploy/rabbitmq/apply.sh</c> deletes it where an older data directory has one.
/// </summary>
[Collection(ServersGroup.Name)]
public class DefaultUserTests(ServersFixture servers)
{
    [Theory]
    [InlineData("agencyhub")]
    [InlineData("/")]
    public async Task When_logging_in_as_guest_should_be_refused(string virtualHost)
    {
        var factory = new ConnectionFactory
        {
            HostName = servers.Broker.Host,
            Port = servers.Broker.Port,
            VirtualHost = virtualHost,
            UserName = "guest",
            Password = "guest",
            ClientProvidedName = "agencyhub-tests-guest",
        };

        var refused = await Should.ThrowAsync<BrokerUnreachableException>(async () => await (await factory.CreateConnectionAsync()).DisposeAsync());

        Causes(refused).ShouldContain(e => e is AuthenticationFailureException, "the broker refused the login itself");
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
