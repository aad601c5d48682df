using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.Router.Operations;

/// <summary>
/// The router's reach into its own ingress dead-letter queues, for an operator's replay (docs/adr/0012), on its own
/// broker user: it reads <c>hub.ingress.A_error|_skipped</c> and writes <c>hub.reingress.A</c>, never an agency's
/// submit exchange. RabbitMQ has no "peek": messages are taken with <c>basic.get</c> and left unacknowledged, so
/// closing the channel puts back every one but the message moved. That one is re-published to the re-ingress exchange,
/// mandatory and confirmed, and only then acknowledged: a crash in between leaves it in the dead-letter queue, to be
/// replayed twice at worst, which ingress idempotency absorbs (docs/adr/0003). One move at a time, so that two
/// replays never hold each other's messages out of sight.
/// </summary>
public sealed class IngressDeadLetters(IOptions<BrokerOptions> broker) : IAsyncDisposable
{
    /// <summary>Messages browsed per request at most, as <c>hub ops</c> browses.</summary>
    public const int MaxBrowsed = 10_000;

    private const ushort NotFound = 404;

    private readonly SemaphoreSlim _one = new(1, 1);
    private IConnection? _connection;

    /// <summary>
    /// Finds <paramref name="messageId"/> in <paramref name="queue"/>; once found, runs <paramref name="beforeMove"/>
    /// (the ledger row), re-publishes the message into <paramref name="agency"/>'s ingress queue and removes it.
    /// </summary>
    /// <returns>False when the queue does not hold the message (or does not exist).</returns>
    public async Task<bool> MoveBackAsync(string queue, AgencyCode agency, Guid messageId, Func<CancellationToken, Task> beforeMove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beforeMove);
        await _one.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            for (var browsed = 0; browsed < MaxBrowsed; browsed++)
            {
                BasicGetResult? taken;
                try
                {
                    taken = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
                {
                    // Nothing ever failed there, so the queue was never declared.
                    return false;
                }

                if (taken is null)
                {
                    return false;
                }

                if (!Guid.TryParse(taken.BasicProperties.MessageId, out var id) || id != messageId)
                {
                    continue;
                }

                await beforeMove(cancellationToken);

                // mandatory: a copy the re-ingress exchange routes nowhere fails here and the dead letter stays.
                await channel.BasicPublishAsync(HubTopology.ReingressExchange(agency), routingKey: string.Empty, mandatory: true, Fresh(taken.BasicProperties), taken.Body.ToArray(), cancellationToken);
                await channel.BasicAckAsync(taken.DeliveryTag, multiple: false, cancellationToken);
                return true;
            }

            return false;
        }
        finally
        {
            _one.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _one.Dispose();
    }

    /// <summary>The message as its sender sent it: MassTransit's fault headers and the broker's dead-letter headers describe the failure, not the message.</summary>
    private static BasicProperties Fresh(IReadOnlyBasicProperties taken)
    {
        var headers = (taken.Headers ?? new Dictionary<string, object?>())
            .Where(h => !h.Key.StartsWith("MT-", StringComparison.Ordinal) && !h.Key.StartsWith("x-", StringComparison.Ordinal))
            .ToDictionary(h => h.Key, h => h.Value);
        return new BasicProperties
        {
            ContentType = taken.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = taken.MessageId,
            Headers = headers.Count > 0 ? headers : null,
        };
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true })
        {
            return _connection;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        var options = broker.Value;
        var factory = BrokerConnectionFactory.Create(options, "agencyhub-router-operations");
        _connection = await BrokerConnections.ConnectAsync(factory, options, cancellationToken);
        return _connection;
    }
}
