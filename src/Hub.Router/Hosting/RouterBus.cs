using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Topology;
using Hub.Router.Configuration;
using Hub.Router.Ingress;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Operations;
using Hub.Router.Recalls;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Hosting;

/// <summary>
/// The router's part of a MassTransit bus, transport-neutral so the embedded run can host it beside the adapters.
/// One receive endpoint per agency's ingress queue, with a consumer for every event type in the catalogue.
/// </summary>
public static class RouterBus
{
    private static readonly Type[] ConsumerTypes = [.. EventCatalogue.All.Select(e => typeof(IngressConsumer<>).MakeGenericType(e.ClrType))];

    public static void AddIngressConsumers(IBusRegistrationConfigurator registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        foreach (var consumer in ConsumerTypes)
        {
            registration.AddConsumer(consumer);
        }

        registration.AddConsumer<RecallAcknowledgedConsumer>();
        registration.AddConsumer<DeliveryReplayConsumer>();
        registration.AddConsumer<IngressReplayConsumer>();
    }

    public static void ConfigureIngressEndpoints(IBusFactoryConfigurator bus, IBusRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetRequiredService<IOptions<RouterOptions>>().Value;
        var rejectionFilter = context.GetRequiredService<RejectionLedgerFilter>();
        var unknownTypeFilter = context.GetRequiredService<UnknownTypeLedgerFilter>();
        foreach (var agency in options.Agencies.Select(a => new AgencyCode(a)))
        {
            bus.ReceiveEndpoint(HubTopology.IngressQueue(agency), endpoint =>
            {
                // Never bind to message-type exchanges or publish faults: the router's broker user may only touch hub.* names.
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PublishFaults = false;
                endpoint.PrefetchCount = options.PrefetchCount;
                endpoint.ConcurrentMessageLimit = options.EffectiveConcurrentMessageLimit;

                // Bodies come from outside the trust boundary: reader errors must not echo them into headers or logs.
                endpoint.ClearSerialization();
                // An oversized body is refused by its length before it is read (Router:MaxEventBytes).
                endpoint.AddSerializer(new SanitizingSerializerFactory(options.MaxEventBytes), true);
                endpoint.AddDeserializer(new SanitizingSerializerFactory(options.MaxEventBytes), isDefault: true);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // The queue's bindings (hub.submit.A and the router's hub.reingress.A) come from deploy/rabbitmq: the
                    // router's broker user may not touch an agency's submit exchange (docs/adr/0002).
                    rabbit.SetQuorumQueue();
                    rabbit.BindQueue = false;
                }

                // Unknown message types are ledgered on their way to _skipped; every other failure on its way to _error.
                endpoint.ConfigureDeadLetter(deadLetter => deadLetter.UseFilter(unknownTypeFilter));
                endpoint.ConfigureError(error =>
                {
                    error.UseFilter(rejectionFilter);
                    error.UseFilter(new ErrorTransportFilter());
                });

                // A database failover makes every ledger call fail for seconds: such failures retry here, for
                // Router:DatabaseFailoverWindow, and skip the short retries below.
                UseDatabaseFailoverRetry(endpoint, options.DatabaseFailoverWindow);

                // Transient failures (broker or database blips) retry in memory; refusals and unreadable bodies never do.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(PostgresFailover.IsUnavailable);
                    retry.Ignore<IngressRejectedException>();
                    retry.Ignore<System.Text.Json.JsonException>();
                    retry.Ignore<System.Runtime.Serialization.SerializationException>();
                    retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));
                });

                foreach (var consumer in ConsumerTypes)
                {
                    endpoint.ConfigureConsumer(context, consumer);
                }

                // Recipients acknowledge recalls through their own submit exchange (docs/adr/0007).
                endpoint.ConfigureConsumer<RecallAcknowledgedConsumer>(context);
            });
        }

        // Operators' replay requests (hub ops dlq replay): the router re-checks each delivery before sending it again, and
        // re-publishes an ingress dead letter from its own dead-letter queue (docs/adr/0012).
        bus.ReceiveEndpoint(HubTopology.OperationsQueue, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.PublishFaults = false;
            UseDatabaseFailoverRetry(endpoint, options.DatabaseFailoverWindow);
            endpoint.UseMessageRetry(retry =>
            {
                retry.Ignore<Exception>(PostgresFailover.IsUnavailable);
                retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));
            });
            endpoint.ConfigureConsumer<DeliveryReplayConsumer>(context);
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                // Bound to hub.operate by deploy/rabbitmq, which the router's broker user may not configure.
                rabbit.SetQuorumQueue();
                rabbit.BindQueue = false;

                // Dead-letter queues exist on the broker only; the embedded run has none.
                endpoint.ConfigureConsumer<IngressReplayConsumer>(context);
            }
        });
    }

    /// <summary>Retries, once a second for <paramref name="window"/>, what fails because no writable database answers.</summary>
    private static void UseDatabaseFailoverRetry(IReceiveEndpointConfigurator endpoint, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(1);
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(PostgresFailover.IsUnavailable);
            retry.Interval((int)Math.Ceiling(window / interval), interval);
        });
    }
}
