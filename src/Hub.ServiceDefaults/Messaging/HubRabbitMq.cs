using Hub.Contracts.Topology;
using MassTransit;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Connects a participant to the hub's broker with its own user, confirms on, and a bus endpoint its user may declare.</summary>
public static class HubRabbitMq
{
    /// <param name="participant">The agency code of an adapter, or <c>router</c>.</param>
    public static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, BrokerOptions broker, string participant)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        ArgumentNullException.ThrowIfNull(broker);
        rabbit.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password!);
            host.PublisherConfirmation = true;
        });

        // The default bus endpoint name (host_process_bus_…) is outside every hub user's permissions.
        rabbit.OverrideDefaultBusEndpointQueueName(HubTopology.BusEndpoint(participant, Guid.NewGuid()));
    }
}
