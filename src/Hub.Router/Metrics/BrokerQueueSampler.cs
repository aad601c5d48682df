using System.Diagnostics.Metrics;
using Hub.Contracts.Agencies;
using Hub.Router.Configuration;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.Router.Metrics;

/// <summary>
/// Queue depth and consumers of every configured agency's hub queues, read from the broker with passive queue declares
/// on the router's own broker user (docs/adr/0014): <c>agencyhub.broker.queue.messages</c> (ready messages) and
/// <c>agencyhub.broker.queue.consumers</c>, labelled by agency and queue kind. A dead-letter queue that does not exist
/// yet (nothing has failed) counts as empty.
/// </summary>
public sealed class BrokerQueueSampler : IGaugeSampler, IAsyncDisposable
{
    private const ushort NotFound = 404;

    private readonly BrokerOptions _broker;
    private readonly IReadOnlyList<AgencyCode> _agencies;
    private readonly SemaphoreSlim _sampling = new(1, 1);
    private IConnection? _connection;
    private volatile IReadOnlyList<(string Agency, string Kind, uint Messages, uint Consumers)> _latest = [];

    public BrokerQueueSampler(IOptions<BrokerOptions> broker, IOptions<RouterOptions> router, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _broker = broker.Value;
        _agencies = [.. router.Value.Agencies.Select(a => new AgencyCode(a))];
        var meter = meterFactory.Create(RouterMetrics.MeterName);
        meter.CreateObservableGauge("agencyhub.broker.queue.messages", () => Observe(s => (int)s.Messages), "{message}", "Ready messages in each hub queue, by agency and queue kind (ingress, delivery and their _error/_skipped dead letters)");
        meter.CreateObservableGauge("agencyhub.broker.queue.consumers", () => Observe(s => (int)s.Consumers), "{consumer}", "Consumers attached to each hub queue, by agency and queue kind");
    }

    public string Name => "broker-queues";

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await _sampling.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                await CloseAsync();
                var factory = BrokerConnectionFactory.Create(_broker, "agencyhub-router-metrics");
                _connection = await BrokerConnections.ConnectAsync(factory, _broker, cancellationToken);
            }

            var samples = new List<(string, string, uint, uint)>(_agencies.Count * QueueKind.All.Count);
            IChannel? channel = null;
            try
            {
                foreach (var agency in _agencies)
                {
                    foreach (var kind in QueueKind.All)
                    {
                        channel ??= await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
                        try
                        {
                            var state = await channel.QueueDeclarePassiveAsync(kind.QueueOf(agency), cancellationToken);
                            samples.Add((agency.Value, kind.Label, state.MessageCount, state.ConsumerCount));
                        }
                        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
                        {
                            // The broker closed the channel; a missing dead-letter queue is an empty one.
                            await channel.DisposeAsync();
                            channel = null;
                            if (kind.DeadLetter)
                            {
                                samples.Add((agency.Value, kind.Label, 0, 0));
                            }
                        }
                    }
                }
            }
            finally
            {
                if (channel is not null)
                {
                    await channel.DisposeAsync();
                }
            }

            _latest = samples;
        }
        finally
        {
            _sampling.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _sampling.Dispose();
    }

    private async Task CloseAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private IEnumerable<Measurement<int>> Observe(Func<(string Agency, string Kind, uint Messages, uint Consumers), int> value) =>
        _latest.Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>(HubMetricTags.Agency, s.Agency), new KeyValuePair<string, object?>(HubMetricTags.QueueKind, s.Kind)));
}
