using Hub.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// The operator's AMQP connection. RabbitMQ has no "peek": a browse takes messages with <c>basic.get</c> and leaves
/// them unacknowledged, so closing the session puts every one back. A message leaves a dead-letter queue only when
/// <see cref="DeadLetterSession.RemoveAsync"/> acknowledges it, which callers do after the ledger row and, for a
/// replay, after the broker has confirmed the re-published copy: a crash at any point leaves it where it was.
/// </summary>
internal sealed class DeadLetterBroker : IAsyncDisposable
{
    private readonly IConnection _connection;

    private DeadLetterBroker(IConnection connection) => _connection = connection;

    public static async Task<DeadLetterBroker> ConnectAsync(BrokerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = BrokerConnectionFactory.Create(options, "agencyhub-ops");
        var connection = await BrokerConnections.ConnectAsync(factory, options, cancellationToken);
        return new DeadLetterBroker(connection);
    }

    /// <summary>Ready messages in <paramref name="queue"/>, or null when the queue does not exist (nothing ever failed there).</summary>
    public async Task<uint?> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel (404): use a throwaway one.
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>Takes up to <paramref name="limit"/> messages without acknowledging them.</summary>
    public async Task<DeadLetterSession> BrowseAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var taken = new List<(DeadLetterMessage, ulong)>();
        try
        {
            while (taken.Count < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } result)
            {
                taken.Add((ToMessage(queue, result), result.DeliveryTag));
            }
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }

        return new DeadLetterSession(channel, taken);
    }

    /// <summary>Publishes with a publisher confirm; returns only once the broker has taken responsibility for the copy.</summary>
    public async Task PublishConfirmedAsync(string exchange, ReadOnlyMemory<byte> body, BasicProperties properties, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        // mandatory: a copy no queue would take is returned as an error rather than silently dropped.
        await channel.BasicPublishAsync(exchange, routingKey: string.Empty, mandatory: true, properties, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsOpen)
        {
            await _connection.CloseAsync();
        }

        _connection.Dispose();
    }

    private static DeadLetterMessage ToMessage(string queue, BasicGetResult result)
    {
        var properties = result.BasicProperties;
        var headers = properties.Headers is { } h ? new Dictionary<string, object?>(h, StringComparer.Ordinal) : [];
        DateTimeOffset? timestamp = properties.IsTimestampPresent() && properties.Timestamp.UnixTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime) : null;
        return new DeadLetterMessage(queue, properties.MessageId, timestamp, headers, result.Body.ToArray(), result.Redelivered)
        {
            ContentType = properties.ContentType,
        };
    }
}
