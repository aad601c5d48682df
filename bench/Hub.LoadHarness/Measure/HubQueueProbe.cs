using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.LoadHarness.Measure;

/// <summary>
/// Asks the broker about the hub's queues: messages in the dead-letter queues (MassTransit's <c>_error</c> queues of
/// every ingress and delivery queue; a dead letter is an event the phase can never complete), and ingress or delivery
/// queues holding messages that nobody consumes (a process that did not come back after a broker restart). The probe
/// outlives a broker restart: while the broker is unreachable it answers "unknown" and reconnects later, backing off
/// from 1 s to 15 s.
/// </summary>
public sealed class HubQueueProbe(ServerEnvironment servers) : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    private IConnection? _connection;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private TimeSpan _backoff = TimeSpan.FromSeconds(1);

    /// <summary>Times the probe found the broker unreachable (and backed off before reconnecting).</summary>
    public int Unreachable { get; private set; }

    /// <summary>Messages per dead-letter queue that holds any, or null when the broker cannot be asked now.</summary>
    public async Task<IReadOnlyDictionary<string, uint>?> DeadLettersAsync(CancellationToken cancellationToken) =>
        await AskAsync(HubQueues.Select(q => q + "_error"), cancellationToken) is { } queues
            ? queues.Where(q => q.Value.Messages > 0).ToDictionary(q => q.Key, q => q.Value.Messages)
            : null;

    /// <summary>Messages and consumers of every ingress and delivery queue, or null when the broker cannot be asked now.</summary>
    public Task<IReadOnlyDictionary<string, (uint Messages, uint Consumers)>?> HubQueuesAsync(CancellationToken cancellationToken) =>
        AskAsync(HubQueues, cancellationToken);

    private static IEnumerable<string> HubQueues => AgencyCode.WellKnown.SelectMany(a => new[] { HubTopology.IngressQueue(a), HubTopology.DeliveryQueue(a) });

    private async Task<IReadOnlyDictionary<string, (uint Messages, uint Consumers)>?> AskAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        if (TimeProvider.System.GetUtcNow() < _retryAt)
        {
            return null;
        }

        try
        {
            if (_connection is not { IsOpen: true })
            {
                await DropConnectionAsync();
                // This probe reconnects on its own schedule; the client's recovery would only race it.
                _connection = await servers.ConnectAsync("hub-admin", "agencyhub-load-queue-probe", recover: false, cancellationToken);
            }

            var found = await DeclarePassiveAsync(_connection, queues, cancellationToken);
            _backoff = TimeSpan.FromSeconds(1);
            return found;
        }
        // A broker that does not answer at all (paused: SIGSTOP) ends the client's own wait with a cancellation.
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException or ObjectDisposedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Unreachable++;
            await DropConnectionAsync();
            _retryAt = TimeProvider.System.GetUtcNow() + _backoff;
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
            return null;
        }
    }

    private static async Task<Dictionary<string, (uint Messages, uint Consumers)>> DeclarePassiveAsync(IConnection connection, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (uint Messages, uint Consumers)>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            // A passive declare of a queue nobody has declared yet closes the channel (404): that queue holds nothing.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                found[queue] = (declared.MessageCount, declared.ConsumerCount);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
            }
        }

        return found;
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await _connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is OperationInterruptedException or IOException or ObjectDisposedException)
            {
                // Already gone with the broker.
            }

            _connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();
}
