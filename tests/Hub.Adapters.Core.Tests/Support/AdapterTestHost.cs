using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>
/// The adapter SDK on MassTransit's in-memory transport under the test harness: police's and jcp's delivery
/// endpoints configured exactly as an adapter configures its own, a scripted sink behind them.
/// </summary>
public sealed class AdapterTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AdapterTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public ScriptedSink Sink => _provider.GetRequiredService<ScriptedSink>();

    public DeliveryConsumes Consumes => _provider.GetRequiredService<DeliveryConsumes>();

    public ErrorQueueProbe ErrorQueue => _provider.GetRequiredService<ErrorQueueProbe>();

    /// <param name="configure">Registers what replaces the scripted sink or the in-memory deduplicator (the last registration wins).</param>
    public static async Task<AdapterTestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdapterCore(HubAddresses.InMemory);
        services.AddSingleton<ScriptedSink>();
        services.AddSingleton<IDeliverySink>(sp => sp.GetRequiredService<ScriptedSink>());
        services.AddSingleton<ErrorQueueProbe>();
        services.AddSingleton<DeliveryConsumes>();
        services.AddConsumeObserver(sp => sp.GetRequiredService<DeliveryConsumes>());
        configure?.Invoke(services);
        services.AddMassTransitTestHarness(bus =>
        {
            AdapterBus.AddDeliveryConsumer(bus);
            bus.UsingInMemory((context, memory) =>
            {
                var errors = context.GetRequiredService<ErrorQueueProbe>();
                foreach (var agency in new[] { AgencyCode.Police, AgencyCode.Jcp })
                {
                    AdapterBus.ConfigureDeliveryEndpoint(memory, context, agency, prefetchCount: 16);
                    memory.ReceiveEndpoint(HubTopology.DeliveryQueue(agency) + "_error", endpoint =>
                    {
                        endpoint.ConfigureConsumeTopology = false;
                        endpoint.Handler<EventDelivered>(errors.Record);
                    });
                }
            });
        });

        var host = new AdapterTestHost(services.BuildServiceProvider(validateScopes: true));
        await host.Harness.Start();
        return host;
    }

    /// <summary>Sends a delivery to an agency's delivery queue as the router does: the delivery id is the message id.</summary>
    public async Task DeliverAsync(AgencyCode queueOf, EventDelivered delivery)
    {
        var endpoint = await Harness.Bus.GetSendEndpoint(HubAddresses.InMemory.Deliver(queueOf));
        await endpoint.Send(delivery, send => send.MessageId = delivery.DeliveryId);
    }

    public Task WaitForConsumesAsync(Guid deliveryId, int count) =>
        Eventually.UntilAsync(
            () => Consumes.All.Count(c => c.Delivery.DeliveryId == deliveryId && c.Fault is null),
            n => n >= count,
            $"{count} completed consumes of delivery {deliveryId}");

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
