using RabbitMQ.Client;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Plain RabbitMQ.Client connections that follow <see cref="BrokerNodes"/>: every node, each with the TLS settings.</summary>
public static class BrokerConnections
{
    /// <summary>
    /// Connects <paramref name="factory"/> (from <see cref="BrokerConnectionFactory"/>: credentials, virtual host, TLS and
    /// identity already set) to the first node of <paramref name="broker"/> that answers; the client tries them in an
    /// order of its own. Every node gets the factory's TLS settings: one server name for the whole cluster.
    /// </summary>
    public static Task<IConnection> ConnectAsync(ConnectionFactory factory, BrokerOptions broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(broker);
        var endpoints = BrokerNodes.Of(broker).Select(node => new AmqpTcpEndpoint(node.Host, node.Port, factory.Ssl)).ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
    }
}
