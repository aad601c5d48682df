using RabbitMQ.Client;

namespace Hub.Cli.Commands.Ops;

/// <summary>Messages taken from one dead-letter queue and not yet acknowledged; disposing puts back every one not removed.</summary>
internal sealed class DeadLetterSession(IChannel channel, IReadOnlyList<(DeadLetterMessage Message, ulong Tag)> taken) : IAsyncDisposable
{
    public IReadOnlyList<DeadLetterMessage> Messages { get; } = [.. taken.Select(t => t.Message)];

    /// <summary>Acknowledges one message: it leaves the queue for good.</summary>
    public async Task RemoveAsync(DeadLetterMessage message, CancellationToken cancellationToken)
    {
        var tag = taken.First(t => ReferenceEquals(t.Message, message)).Tag;
        await channel.BasicAckAsync(tag, multiple: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (channel.IsOpen)
        {
            await channel.CloseAsync();
        }

        channel.Dispose();
    }
}
