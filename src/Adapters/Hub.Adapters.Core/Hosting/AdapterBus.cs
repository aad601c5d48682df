using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using MassTransit;

namespace Hub.Adapters.Core.Hosting;

/// <summary>An adapter's part of a MassTransit bus: the receive endpoint on its agency's delivery queue.</summary>
public static class AdapterBus
{
    public static void AddDeliveryConsumer(IBusRegistrationConfigurator registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        registration.AddConsumer<DeliveryConsumer>();
        registration.AddConsumer<RecallConsumer>();
    }

    public static void ConfigureDeliveryEndpoint(IBusFactoryConfigurator bus, IBusRegistrationContext context, AgencyCode agency, int prefetchCount) =>
        ConfigureDeliveryEndpoint(bus, context, agency, prefetchCount, prefetchCount);

    /// <summary>
    /// The delivery endpoint with <paramref name="concurrentMessageLimit"/> deliveries consumed at once. Each is
    /// acknowledged when its consumer returns, after the sink's group commit and the deduplicator's (docs/adr/0010).
    /// </summary>
    public static void ConfigureDeliveryEndpoint(IBusFactoryConfigurator bus, IBusRegistrationContext context, AgencyCode agency, int prefetchCount, int concurrentMessageLimit)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.ReceiveEndpoint(HubTopology.DeliveryQueue(agency), endpoint =>
        {
            // The adapter's broker user may declare and read its delivery queue but never bind or publish to it.
            endpoint.ConfigureConsumeTopology = false;
            endpoint.PublishFaults = false;
            endpoint.PrefetchCount = prefetchCount;
            endpoint.ConcurrentMessageLimit = concurrentMessageLimit;
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
                rabbit.BindQueue = false;
            }

            // A sink's permanent refusal (e.g. a webhook's 400) goes straight to the error queue: retrying cannot help.
            endpoint.UseMessageRetry(retry =>
            {
                retry.Ignore<PermanentDeliveryFailureException>();
                retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            });
            endpoint.ConfigureConsumer<DeliveryConsumer>(context);

            // Recalls share the delivery queue: the adapter's broker user already reads it (docs/adr/0007).
            endpoint.ConfigureConsumer<RecallConsumer>(context);
        });
    }
}
