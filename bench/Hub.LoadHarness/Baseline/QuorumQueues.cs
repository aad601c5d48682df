using RabbitMQ.Client;

namespace Hub.LoadHarness.Baseline;

/// <summary>Fresh durable quorum queues (as the hub's are) for one baseline phase, deleted after it, so no phase sees another's leftovers.</summary>
public sealed class QuorumQueues : IAsyncDisposable
{
    private readonly IChannel _channel;

    private QuorumQueues(IChannel channel, IReadOnlyList<string> names)
    {
        _channel = channel;
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public static async Task<QuorumQueues> DeclareAsync(IConnection connection, string prefix, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}.{run}.{i}").ToList();
        foreach (var name in names)
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        }

        return new QuorumQueues(channel, names);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in Names)
        {
            await _channel.QueueDeleteAsync(name, cancellationToken: CancellationToken.None);
        }

        await _channel.DisposeAsync();
    }
}
