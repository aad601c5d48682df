using Hub.Contracts.Topology;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Connects a participant to the hub's broker with its own user, confirms on, and a bus endpoint its user may declare.</summary>
public static class HubRabbitMq
{
    /// <summary>
    /// Binds <c>Broker</c> (validated at start) and bounds how long the bus waits for consumers when an endpoint stops,
    /// so an endpoint whose connection died always comes back (docs/adr/0021).
    /// </summary>
    public static IServiceCollection AddBrokerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BrokerOptions>().Bind(configuration.GetSection(BrokerOptions.SectionName)).ValidateDataAnnotations()
            .Validate(b => b.StopTimeout >= b.ConsumerStopTimeout, "Broker:StopTimeout must be at least Broker:ConsumerStopTimeout.")
            .Validate(b => BrokerNodes.TryRead(b, out _, out _), "Broker:Hosts: every entry must be host or host:port, the port from 1 to 65535 (e.g. rabbit-1:5672).")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrokerOptions>, BrokerOptionsCheck>());
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<BrokerOptions>>((host, broker) =>
        {
            host.ConsumerStopTimeout = broker.Value.ConsumerStopTimeout;
            host.StopTimeout = broker.Value.StopTimeout;
        });
        return services;
    }

    /// <summary>The broker's node, or with <c>Broker:Hosts</c> the cluster's nodes (docs/reliability.md).</summary>
    /// <param name="participant">The agency code of an adapter, or <c>router</c>.</param>
    public static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, BrokerOptions broker, string participant)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        ArgumentNullException.ThrowIfNull(broker);
        var nodes = BrokerNodes.Of(broker);
        rabbit.Host(nodes[0].Host, (ushort)nodes[0].Port, broker.VirtualHost, host =>
        {
            if (!broker.Tls.UseCertificateIdentity)
            {
                host.Username(broker.Username);
                host.Password(broker.Password!);
            }

            host.PublisherConfirmation = true;
            BrokerTls.Configure(host, broker);
            if (broker.Hosts.Count > 0)
            {
                // A cluster: each (re)connection tries the next node in turn, so a lost node's clients move to a survivor.
                host.UseCluster(cluster =>
                {
                    foreach (var node in nodes)
                    {
                        cluster.Node(node.ToString());
                    }
                });
            }
        });

        // The default bus endpoint name (host_process_bus_…) is outside every hub user's permissions.
        rabbit.OverrideDefaultBusEndpointQueueName(HubTopology.BusEndpoint(participant, Guid.NewGuid()));
    }
}
