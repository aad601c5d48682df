using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>A plain AMQP client logged in as one hub user: what an agency's own code, or an attacker, could do.</summary>
public sealed class BrokerClient : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly IReadOnlyList<AmqpTcpEndpoint> _nodes;
    private IConnection _connection;

    private BrokerClient(ConnectionFactory factory, IReadOnlyList<AmqpTcpEndpoint> nodes, IConnection connection) => (_factory, _nodes, _connection) = (factory, nodes, connection);

    public static async Task<BrokerClient> ConnectAsync(BrokerEndpoint broker, string user)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = user,
            Password = broker.PasswordOf(user),
            ClientProvidedName = "agencyhub-tests-" + user,
        };
        // A cluster's nodes, so the client reconnects to a survivor when its node is lost.
        var nodes = broker.Nodes.Select(n => new AmqpTcpEndpoint(n[..n.LastIndexOf(':')], int.Parse(n[(n.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return new BrokerClient(factory, nodes, await ConnectAsync(factory, nodes));
    }

    /// <summary>A client over a factory made elsewhere, e.g. AMQPS with a client certificate as the identity.</summary>
    public static async Task<BrokerClient> ConnectAsync(ConnectionFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BrokerClient(factory, [], await factory.CreateConnectionAsync());
    }

    /// <summary>
    /// A channel on an open connection. RabbitMQ answers a get on a quorum queue whose process is still starting with
    /// 541 INTERNAL_ERROR, which closes the whole connection, not just the channel: reconnect rather than fail the
    /// next call.
    /// </summary>
    public async Task<IChannel> OpenChannelAsync()
    {
        if (!_connection.IsOpen)
        {
            _connection.Dispose();
            _connection = await ConnectAsync(_factory, _nodes);
        }

        return await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
    }

    private static Task<IConnection> ConnectAsync(ConnectionFactory factory, IReadOnlyList<AmqpTcpEndpoint> nodes) =>
        nodes.Count > 0 ? factory.CreateConnectionAsync(nodes) : factory.CreateConnectionAsync();

    /// <summary>Publishes raw bytes with publisher confirms, as a MassTransit envelope unless told otherwise.</summary>
    public async Task PublishAsync(string exchange, byte[] body, string contentType = "application/vnd.masstransit+json", string routingKey = "", string? messageId = null)
    {
        await using var channel = await OpenChannelAsync();
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent, MessageId = messageId ?? Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body);
    }

    /// <summary>Takes (and acknowledges) the next message on a queue, or null when it is empty.</summary>
    public async Task<BasicGetResult?> GetAsync(string queue)
    {
        await using var channel = await OpenChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    public async Task<IReadOnlyList<BasicGetResult>> DrainAsync(string queue)
    {
        var messages = new List<BasicGetResult>();
        await using var channel = await OpenChannelAsync();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                messages.Add(message);
            }
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode is 404 or 541)
        {
            // MassTransit declares error and skipped queues on first use: none yet (404), or a quorum queue whose
            // process is still starting (541 noproc), means nothing there yet; callers poll.
        }

        return messages;
    }

    /// <summary>Ready messages and consumers on a queue the broker already declared (the hub's queues are, by definitions.json).</summary>
    public async Task<(uint Messages, uint Consumers)> QueueStateAsync(string queue)
    {
        await using var channel = await OpenChannelAsync();
        var state = await channel.QueueDeclarePassiveAsync(queue);
        return (state.MessageCount, state.ConsumerCount);
    }

    /// <summary>Ready messages on a queue, 0 while MassTransit has not declared it yet (error and skipped queues appear on first use).</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        try
        {
            return (await QueueStateAsync(queue)).Messages;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode is 404 or 541)
        {
            return 0;
        }
    }

    /// <summary>Empties every hub queue that exists, so a test class starts from nothing.</summary>
    public async Task PurgeHubQueuesAsync()
    {
        foreach (var agency in AgencyCode.WellKnown)
        {
            foreach (var queue in new[] { HubTopology.IngressQueue(agency), HubTopology.DeliveryQueue(agency), HubTopology.IngressQueue(agency) + "_error", HubTopology.DeliveryQueue(agency) + "_error" })
            {
                await using var channel = await OpenChannelAsync();
                try
                {
                    await channel.QueuePurgeAsync(queue);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                {
                    // Error queues exist only once something has failed.
                }
            }
        }
    }

    public static string Headers(BasicGetResult message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Join("; ", (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).Select(h => $"{h.Key}={Header(message, h.Key)}"));
    }

    public static string Header(BasicGetResult message, string name)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.BasicProperties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => string.Empty, _ => value.ToString() ?? string.Empty }
            : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsOpen)
        {
            await _connection.CloseAsync();
        }

        _connection.Dispose();
    }
}
