using System.Diagnostics;
using Hub.LoadHarness.Measure;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Baseline.Relay;

/// <summary>
/// Consumers on the relay's delivery queues, acking each message: a message is complete when every queue has delivered
/// it, and its latency runs from its publish to the ingress queue until the last of those deliveries.
/// </summary>
public sealed class RelayRecipients : IAsyncDisposable
{
    private readonly int[] _remaining;
    private readonly double[] _latencyMs;
    private readonly List<IChannel> _channels = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _complete;
    private long _deliveries;

    private RelayRecipients(int messages, int queues)
    {
        _remaining = Enumerable.Repeat(queues, messages).ToArray();
        _latencyMs = new double[messages];
    }

    /// <summary>Completes when every message reached every queue.</summary>
    public Task Completed => _done.Task;

    /// <summary>When the last delivery of the last message arrived (Stopwatch timestamp).</summary>
    public long FinishedAt { get; private set; }

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public LatencySummary Latency => LatencySummary.Of(_latencyMs);

    public static async Task<RelayRecipients> StartAsync(IConnection connection, IReadOnlyList<string> queues, int messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var recipients = new RelayRecipients(messages, queues.Count);
        foreach (var queue in queues)
        {
            recipients._channels.Add(await AckingConsumer.StartAsync(connection, queue, recipients.Received, cancellationToken));
        }

        return recipients;
    }

    private void Received(ReadOnlyMemory<byte> body, long received)
    {
        Interlocked.Increment(ref _deliveries);
        var (sent, sequence) = TimedMessage.Read(body.Span);
        if (Interlocked.Decrement(ref _remaining[sequence]) == 0)
        {
            _latencyMs[sequence] = Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds;
            if (Interlocked.Increment(ref _complete) == _remaining.Length)
            {
                FinishedAt = received;
                _done.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }
    }
}
