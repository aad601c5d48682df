using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Hub.LoadHarness.Baseline.Relay;

/// <summary>
/// The relay: consumes the ingress queue and republishes each message to every delivery queue with publisher confirms,
/// acking the ingress message only once all of them are confirmed: the router's shape (one in, one confirmed send per
/// recipient, then ack) without its policy, ledger or Postgres. <see cref="Concurrency"/> messages are relayed at once:
/// five times that many publishes awaiting confirms, half its publisher's rate limiter.
/// </summary>
public sealed class RelayNode : IAsyncDisposable
{
    public const ushort Concurrency = 64;

    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IChannel? _consumer;
    private ConfirmingPublisher? _publisher;

    /// <summary>Faults when a republish or ack failed; never completes otherwise.</summary>
    public Task Failed => _failed.Task;

    public static async Task<RelayNode> StartAsync(IConnection connection, string ingress, IReadOnlyList<string> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(deliveries);
        var relay = new RelayNode();
        relay._publisher = await ConfirmingPublisher.OpenAsync(connection, Concurrency * deliveries.Count, cancellationToken);
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: Concurrency), cancellationToken);
        relay._consumer = channel;
        await channel.BasicQosAsync(0, Concurrency, global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => relay.RelayAsync(channel, deliveries, delivery);
        await channel.BasicConsumeAsync(ingress, autoAck: false, consumer, cancellationToken);
        return relay;
    }

    private async Task RelayAsync(IChannel channel, IReadOnlyList<string> deliveries, BasicDeliverEventArgs delivery)
    {
        try
        {
            var confirms = new Task[deliveries.Count];
            for (var i = 0; i < deliveries.Count; i++)
            {
                confirms[i] = await _publisher!.SendAsync(deliveries[i], delivery.Body, CancellationToken.None);
            }

            await Task.WhenAll(confirms);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        }
#pragma warning disable CA1031 // Any failure ends the baseline phase with it; the client would only log it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failed.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }
    }
}
