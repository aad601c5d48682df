using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Hub.LoadHarness.Baseline;

/// <summary>
/// What the broker alone does on this machine, in the same run: persistent messages published with confirms into a
/// quorum queue (as the hub's queues are) and consumed with manual acks. The hub's figures are read against it.
/// </summary>
public static class RawRabbitBaseline
{
    private const int PublishWindow = 256;
    private const ushort Prefetch = 256;

    public static async Task<BaselineResult> RunAsync(ServerEnvironment servers, HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await servers.Broker("hub-admin", "agencyhub-load-baseline").CreateConnectionAsync(cancellationToken);
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var throughput = await WithQueueAsync(publisher, queue => ThroughputAsync(connection, publisher, queue, settings, cancellationToken), cancellationToken);
        var paced = await WithQueueAsync(publisher, queue => PacedAsync(connection, publisher, queue, settings, cancellationToken), cancellationToken);
        return new BaselineResult(settings.BaselineMessages, settings.MessageBytes, throughput, settings.PacedRate, paced);
    }

    /// <summary>A fresh quorum queue per phase, so nothing one phase left unacknowledged reaches the next.</summary>
    private static async Task<T> WithQueueAsync<T>(IChannel channel, Func<string, Task<T>> phase, CancellationToken cancellationToken)
    {
        var queue = "loadharness.baseline." + Guid.NewGuid().ToString("N")[..8];
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        try
        {
            return await phase(queue);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
        }
    }

    private static async Task<double> ThroughputAsync(IConnection connection, IChannel publisher, string queue, HarnessSettings settings, CancellationToken cancellationToken)
    {
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        await using var consumer = await ConsumeAsync(connection, queue, (_, _) =>
        {
            if (Interlocked.Increment(ref count) == settings.BaselineMessages)
            {
                consumed.TrySetResult();
            }
        }, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var inFlight = new Queue<Task>();
        for (var i = 0; i < settings.BaselineMessages; i++)
        {
            if (inFlight.Count == PublishWindow)
            {
                await inFlight.Dequeue();
            }

            inFlight.Enqueue(PublishAsync(publisher, queue, settings.MessageBytes, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        await consumed.Task.WaitAsync(HarnessSettings.PhaseTimeout(settings.BaselineMessages), cancellationToken);
        return settings.BaselineMessages / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<LatencySummary> PacedAsync(IConnection connection, IChannel publisher, string queue, HarnessSettings settings, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var consumer = await ConsumeAsync(connection, queue, (sent, received) =>
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
            if (latencies.Count == settings.PacedEvents)
            {
                consumed.TrySetResult();
            }
        }, cancellationToken);

        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1 / settings.PacedRate));
        for (var i = 0; i < settings.PacedEvents && await pace.WaitForNextTickAsync(cancellationToken); i++)
        {
            await PublishAsync(publisher, queue, settings.MessageBytes, cancellationToken);
        }

        await consumed.Task.WaitAsync(HarnessSettings.PhaseTimeout(settings.PacedEvents), cancellationToken);
        return LatencySummary.Of([.. latencies]);
    }

    /// <summary>A persistent message whose first eight bytes are the send time (this process's monotonic clock).</summary>
    private static async Task PublishAsync(IChannel channel, string queue, int bytes, CancellationToken cancellationToken)
    {
        var body = new byte[Math.Max(bytes, sizeof(long))];
        BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/octet-stream" };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, body, cancellationToken);
    }

    /// <summary>Consumes with manual acks; <paramref name="onMessage"/> gets the send and receive timestamps.</summary>
    private static async Task<IChannel> ConsumeAsync(IConnection connection, string queue, Action<long, long> onMessage, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var received = Stopwatch.GetTimestamp();
            var sent = BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            onMessage(sent, received);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return channel;
    }
}
