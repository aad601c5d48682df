using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Health;
using Hub.Adapters.Core.Metrics;
using Hub.Adapters.Core.Publishing;
using Hub.Adapters.Core.Sinks;
using Hub.Contracts.Agencies;
using Hub.Contracts.Signing;
using Hub.Contracts.Topology;
using Hub.ServiceDefaults.Health;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Metrics;
using Hub.ServiceDefaults.Secrets;
using Hub.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Hosting;

public static class AdapterHostingExtensions
{
    /// <summary>
    /// An agency adapter on RabbitMQ with the agency's own broker user: publishes to its submit exchange, receives
    /// from its delivery queue into the registered <see cref="IDeliverySink"/>. Serves <c>/health/live</c> and
    /// <c>/health/ready</c> and the Prometheus scrape endpoint <c>/metrics</c> when <c>Health:Urls</c> is set (the
    /// container images set it). Traces and logs go over OTLP when <c>Telemetry:Otlp:Endpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddAgencyAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AdapterOptions>().Bind(builder.Configuration.GetSection(AdapterOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdapterOptions>, AdapterOptionsValidator>());
        builder.Services.AddBrokerOptions(builder.Configuration);
        PlaceholderSecretCheck.AddTo(builder.Services, builder.Configuration);
        // First, so the health listener answers (unready) while the bus starts.
        builder.AddAdapterHealth();
        builder.AddHubTracing("agencyhub-adapter-" + (builder.Configuration[$"{AdapterOptions.SectionName}:Agency"] ?? "unknown"));
        builder.AddHubMetrics(AdapterMetrics.MeterName);
        builder.Services.AddConfiguredSink(builder.Configuration);
        builder.Services.AddAdapterCore(HubAddresses.Broker);
        if (builder.Configuration[$"{AdapterOptions.SectionName}:{nameof(AdapterOptions.SigningKeyFile)}"] is { Length: > 0 } signingKey)
        {
            builder.Services.AddSingleton(_ => MessageSigner.FromPemFile(signingKey));
        }

        var routerKeys = builder.Configuration.GetSection($"{AdapterOptions.SectionName}:{nameof(AdapterOptions.RouterKeyFiles)}").Get<string[]>() ?? [];
        if (routerKeys.Length > 0)
        {
            builder.Services.AddSingleton(_ => new DeliverySignatures(VerificationKeys.FromPemFiles(routerKeys)));
        }

        builder.Services.AddMassTransit(bus =>
        {
            AdapterBus.AddDeliveryConsumer(bus);
            bus.ConfigureHealthCheckOptions(health => health.Name = HealthHostingExtensions.BusCheckName);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var adapter = context.GetRequiredService<IOptions<AdapterOptions>>().Value;
                HubRabbitMq.ConfigureHost(rabbit, context.GetRequiredService<IOptions<BrokerOptions>>().Value, adapter.Agency);
                AdapterBus.ConfigureDeliveryEndpoint(rabbit, context, new AgencyCode(adapter.Agency), adapter.PrefetchCount, adapter.ConcurrentMessageLimit ?? adapter.PrefetchCount);
            });
        });
        return builder;
    }

    /// <summary>
    /// <see cref="AddAgencyAdapter(IHostApplicationBuilder)"/> for one agency's worker, which also refuses to start
    /// unless <c>Adapter:Agency</c> and <c>Broker:Username</c> name that agency (<see cref="AgencyIdentityValidator"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAgencyAdapter(this IHostApplicationBuilder builder, AgencyCode agency)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = new AgencyIdentityValidator(agency);
        builder.Services.AddSingleton<IValidateOptions<AdapterOptions>>(identity);
        builder.Services.AddSingleton<IValidateOptions<BrokerOptions>>(identity);
        return builder.AddAgencyAdapter();
    }

    /// <summary>Publisher, deduplication and the adapter's meters; the transport is configured by the caller.</summary>
    public static IServiceCollection AddAdapterCore(this IServiceCollection services, HubAddresses addresses)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(addresses);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AdapterMetrics>();
        services.TryAddSingleton<IDeliveryDeduplicator, MemoryDeliveryDeduplicator>();
        services.TryAddScoped<IngressPublisher>();
        return services;
    }
}
