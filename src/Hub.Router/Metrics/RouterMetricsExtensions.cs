using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Router.Metrics;

public static class RouterMetricsExtensions
{
    /// <summary>
    /// The router's metrics at <c>/metrics</c>: decisions, rejections and latencies (<see cref="RouterMetrics"/>),
    /// agreement expiry and outstanding recalls, and, on RabbitMQ, each agency's queue depths and dead letters.
    /// </summary>
    public static IHostApplicationBuilder AddRouterMetrics(this IHostApplicationBuilder builder, bool sampleBrokerQueues)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHubMetrics(RouterMetrics.MeterName);
        builder.Services.TryAddSingleton<RouterMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGaugeSampler, AgreementExpirySampler>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGaugeSampler, RecallBacklogSampler>());
        if (sampleBrokerQueues)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGaugeSampler, BrokerQueueSampler>());
        }

        return builder;
    }
}
