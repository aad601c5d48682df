using System.Collections.Concurrent;
using System.Diagnostics;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Pacing;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Baseline.SingleQueue;

/// <summary>
/// What the broker alone does with one queue, in the same run: persistent messages published with confirms (256 in
/// flight) into a quorum queue and consumed with manual acks. A warm-up first, then full speed, then each paced rate.
/// </summary>
public static class SingleQueueBaseline
{
    private const int PublishWindow = 256;

    public static async Task<SingleQueueResult> RunAsync(ServerEnvironment servers, HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await servers.Broker("hub-admin", "agencyhub-load-baseline").CreateConnectionAsync(cancellationToken);
        await using var publisher = await ConfirmingPublisher.OpenAsync(connection, PublishWindow, cancellationToken);
        await ThroughputAsync(connection, publisher, settings.WarmupEvents, settings.MessageBytes, cancellationToken);
        var throughput = await ThroughputAsync(connection, publisher, settings.BaselineMessages, settings.MessageBytes, cancellationToken);
        var paced = new List<PacedRate>();
        foreach (var rate in settings.PacedRates)
        {
            paced.Add(await PacedAsync(connection, publisher, rate, settings.PacedCount(rate), settings.MessageBytes, cancellationToken));
        }

        return new SingleQueueResult(settings.BaselineMessages, settings.MessageBytes, throughput, paced);
    }

    private static async Task<double> ThroughputAsync(IConnection connection, ConfirmingPublisher publisher, int messages, int bytes, CancellationToken cancellationToken)
    {
        await using var queue = await QuorumQueues.DeclareAsync(connection, "loadharness.baseline", 1, cancellationToken);
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        await using var consumer = await AckingConsumer.StartAsync(connection, queue.Names[0], (_, _) =>
        {
            if (Interlocked.Increment(ref count) == messages)
            {
                consumed.TrySetResult();
            }
        }, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var confirms = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            confirms.Add(await publisher.SendAsync(queue.Names[0], TimedMessage.Create(bytes, i), cancellationToken));
        }

        await Task.WhenAll(confirms);
        await consumed.Task.WaitAsync(HarnessSettings.PhaseTimeout(messages), cancellationToken);
        return messages / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<PacedRate> PacedAsync(IConnection connection, ConfirmingPublisher publisher, double rate, int messages, int bytes, CancellationToken cancellationToken)
    {
        await using var queue = await QuorumQueues.DeclareAsync(connection, "loadharness.baseline", 1, cancellationToken);
        var latencies = new ConcurrentBag<double>();
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var consumer = await AckingConsumer.StartAsync(connection, queue.Names[0], (body, received) =>
        {
            latencies.Add(Stopwatch.GetElapsedTime(TimedMessage.Read(body.Span).Sent, received).TotalMilliseconds);
            if (latencies.Count == messages)
            {
                consumed.TrySetResult();
            }
        }, cancellationToken);

        var offered = await OpenLoopPacer.OfferAsync(messages, rate, PublishWindow, i => publisher.PublishAsync(queue.Names[0], TimedMessage.Create(bytes, i), cancellationToken), cancellationToken);
        await consumed.Task.WaitAsync(HarnessSettings.PhaseTimeout(messages), cancellationToken);
        return new PacedRate(rate, offered, LatencySummary.Of([.. latencies]));
    }
}
