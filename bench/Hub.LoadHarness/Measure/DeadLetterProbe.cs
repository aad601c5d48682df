using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.LoadHarness.Measure;

/// <summary>
/// Messages in the hub's dead-letter queues (MassTransit's <c>_error</c> queues of every ingress and delivery queue). A
/// dead letter means an event the phase can never complete, so the harness stops and says where.
/// </summary>
public sealed class DeadLetterProbe(ServerEnvironment servers) : IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<IReadOnlyDictionary<string, uint>> CountAsync(CancellationToken cancellationToken)
    {
        _connection ??= await servers.Broker("hub-admin", "agencyhub-load-dead-letters").CreateConnectionAsync(cancellationToken);
        var found = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var queue in AgencyCode.WellKnown.SelectMany(a => new[] { HubTopology.IngressQueue(a), HubTopology.DeliveryQueue(a) }).Select(q => q + "_error"))
        {
            // A passive declare of a queue nobody has declared yet closes the channel (404): that queue holds nothing.
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount is var count and > 0)
                {
                    found[queue] = count;
                }
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
