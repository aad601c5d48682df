using RabbitMQ.Client;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Plain RabbitMQ.Client connections that follow <see cref="BrokerNodes"/>: every node, each with the TLS settings.</summary>
public static class BrokerConnections
{
    /// <summary>
    /// Connects <paramref name="factory"/> (credentials and virtual host already set) to the first node of
    /// <paramref name="broker"/> that answers; the client tries them in an order of its own.
    /// </summary>
    public static Task<IConnection> ConnectAsync(ConnectionFactory factory, BrokerOptions broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(broker);
        var endpoints = BrokerNodes.Of(broker).Select(node =>
        {
            var endpoint = new AmqpTcpEndpoint(node.Host, node.Port);
            BrokerTls.Configure(endpoint.Ssl, broker);
            return endpoint;
        }).ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
    }
}
