using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Delivery.Deduplication;
using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Sinks.Postgres;
using Hub.Adapters.Core.Sinks.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sinks;

public static class SinkHostingExtensions
{
    /// <summary>
    /// The sink named by <c>Adapter:Sink:Kind</c>, and the deduplicator named by <c>Adapter:Deduplication:Kind</c>,
    /// both validated at start. Kind None (the default) leaves the sink to the adapter's own code; TryAdd keeps a
    /// sink or deduplicator registered earlier.
    /// </summary>
    public static IServiceCollection AddConfiguredSink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SinkOptions>().Bind(configuration.GetSection(SinkOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SinkOptions>, SinkOptionsValidator>());
        services.AddOptions<DeduplicationOptions>().Bind(configuration.GetSection(DeduplicationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeduplicationOptions>, DeduplicationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DeliveryDocumentFactory(sp.GetService<IDeliveryRecordMapper>()));
        services.TryAddSingleton<AdapterDataSources>();
        services.AddHostedService<DeduplicationPruner>();

        var kind = configuration.GetSection(SinkOptions.SectionName).GetValue<SinkKind?>(nameof(SinkOptions.Kind)) ?? SinkKind.None;
        switch (kind)
        {
            case SinkKind.Webhook:
                services.TryAddSingleton<IDeliverySink>(sp =>
                {
                    var options = Sink(sp).Webhook;
                    return new WebhookSink(WebhookHttpClient.Create(options), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookSink>>(), sp.GetRequiredService<DeliveryDocumentFactory>());
                });
                break;
            case SinkKind.DropFolder:
                services.TryAddSingleton<IDeliverySink>(sp => new DropFolderSink(Sink(sp).DropFolder, sp.GetRequiredService<ILogger<DropFolderSink>>(), sp.GetRequiredService<DeliveryDocumentFactory>()));
                break;
            case SinkKind.Postgres:
                services.TryAddSingleton<IDeliverySink>(sp =>
                {
                    var options = Sink(sp).Postgres;
                    return new PostgresTableSink(sp.GetRequiredService<AdapterDataSources>().For(options.ConnectionString!), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresTableSink>>());
                });
                break;
            default:
                break;
        }

        var dedupe = configuration.GetSection(DeduplicationOptions.SectionName).GetValue<DeduplicationKind?>(nameof(DeduplicationOptions.Kind)) ?? DeduplicationKind.Memory;
        switch (dedupe)
        {
            case DeduplicationKind.Postgres:
                services.TryAddSingleton<IDeliveryDeduplicator>(sp =>
                {
                    var options = Dedupe(sp);
                    return new PostgresDeliveryDeduplicator(sp.GetRequiredService<AdapterDataSources>().For(options.ConnectionString!), options.Table, sp.GetRequiredService<TimeProvider>());
                });
                break;
            case DeduplicationKind.Sqlite:
                services.TryAddSingleton<IDeliveryDeduplicator>(sp =>
                {
                    var options = Dedupe(sp);
                    return new SqliteDeliveryDeduplicator(options.SqlitePath!, options.Table, sp.GetRequiredService<TimeProvider>());
                });
                break;
            default:
                break;
        }

        return services;
    }

    private static SinkOptions Sink(IServiceProvider services) => services.GetRequiredService<IOptions<SinkOptions>>().Value;

    private static DeduplicationOptions Dedupe(IServiceProvider services) => services.GetRequiredService<IOptions<DeduplicationOptions>>().Value;
}
