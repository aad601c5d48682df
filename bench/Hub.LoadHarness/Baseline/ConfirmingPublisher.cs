using RabbitMQ.Client;

namespace Hub.LoadHarness.Baseline;

/// <summary>
/// A channel with publisher confirms that keeps at most <c>window</c> publishes awaiting their confirm. Its
/// ThrottlingRateLimiter is twice the window: RabbitMQ.Client delays every publish once more than half its limiter's
/// permits are taken, and throughput then collapses (to about 700 messages a second on the 2-core machine).
/// </summary>
public sealed class ConfirmingPublisher : IAsyncDisposable
{
    private static readonly BasicProperties Persistent = new() { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/octet-stream" };

    private readonly IChannel _channel;
    private readonly SemaphoreSlim _window;

    private ConfirmingPublisher(IChannel channel, int window)
    {
        _channel = channel;
        _window = new SemaphoreSlim(window);
    }

    public static async Task<ConfirmingPublisher> OpenAsync(IConnection connection, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var options = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(2 * window));
        return new ConfirmingPublisher(await connection.CreateChannelAsync(options, cancellationToken), window);
    }

    /// <summary>Waits for room in the window, sends, and returns the task of the broker's confirm.</summary>
    public async Task<Task> SendAsync(string queue, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken);
        return ConfirmAsync(queue, body, cancellationToken);
    }

    /// <summary>Sends and returns once the broker confirmed (the window still bounds concurrent callers).</summary>
    public async Task PublishAsync(string queue, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        await await SendAsync(queue, body, cancellationToken);

    private async Task ConfirmAsync(string queue, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            // With confirm tracking the publish completes when the broker confirms (and throws if it nacks).
            await _channel.BasicPublishAsync(string.Empty, queue, mandatory: false, Persistent, body, cancellationToken);
        }
        finally
        {
            _window.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        _window.Dispose();
    }
}
