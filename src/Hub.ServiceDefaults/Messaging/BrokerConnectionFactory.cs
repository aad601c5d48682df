using RabbitMQ.Client;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>A RabbitMQ.Client factory for one participant's own connections outside MassTransit, TLS and identity included.</summary>
public static class BrokerConnectionFactory
{
    /// <param name="clientName">What the broker's connection list shows, e.g. <c>agencyhub-ops</c>.</param>
    public static ConnectionFactory Create(BrokerOptions broker, string clientName)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = broker.Username,
            Password = broker.Password ?? string.Empty,
            ClientProvidedName = clientName,
        };
        BrokerTls.Configure(factory, broker);
        return factory;
    }
}
