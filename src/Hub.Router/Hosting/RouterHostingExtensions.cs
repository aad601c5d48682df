using Hub.Contracts.Topology;
using Hub.Router.Health;
using Hub.Router.Metrics;
using Hub.Router.Operations;
using Hub.ServiceDefaults.Health;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Secrets;
using Hub.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Router.Hosting;

public static class RouterHostingExtensions
{
    /// <summary>
    /// The production router: RabbitMQ with the router's own broker user, Postgres ledger (schema applied by
    /// <c>ConnectionStrings:LedgerAdmin</c> when set), the health listener (<c>Health:Urls</c>) with its checks and the
    /// Prometheus scrape endpoint <c>/metrics</c>, and tracing (OTLP export when <c>Telemetry:Otlp:Endpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).
    /// </summary>
    public static IHostApplicationBuilder AddHubRouter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString("Ledger")
            ?? throw new InvalidOperationException("ConnectionStrings:Ledger is required (Npgsql connection string of the ledger database).");

        // First, so the health listener answers (unready) while the bus and the ledger start.
        builder.AddRouterHealth();
        builder.AddHubTracing("agencyhub-router");
        builder.AddRouterMetrics(sampleBrokerQueues: true);
        builder.Services.AddHubRouterCore(builder.Configuration);
        builder.Services.AddPostgresLedger(connectionString, builder.Configuration.GetConnectionString("LedgerAdmin"));
        builder.Services.AddSingleton(HubAddresses.Broker);
        builder.Services.AddBrokerOptions(builder.Configuration);
        PlaceholderSecretCheck.AddTo(builder.Services, builder.Configuration);
        builder.Services.TryAddSingleton<IngressDeadLetters>();
        builder.Services.TryAddSingleton<IngressReplayer>();
        builder.Services.AddMassTransit(bus =>
        {
            RouterBus.AddIngressConsumers(bus);
            bus.ConfigureHealthCheckOptions(health => health.Name = HealthHostingExtensions.BusCheckName);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<BrokerOptions>>().Value;
                HubRabbitMq.ConfigureHost(rabbit, broker, "router");
                RouterBus.ConfigureIngressEndpoints(rabbit, context);
            });
        });
        return builder;
    }
}
