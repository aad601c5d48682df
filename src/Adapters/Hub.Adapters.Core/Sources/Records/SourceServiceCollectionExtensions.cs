using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Core.Sources.Records;

public static class SourceServiceCollectionExtensions
{
    /// <summary>What every source shares: the submitter (map, validate, publish with confirms).</summary>
    public static IServiceCollection AddSourceCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RecordSubmitter>();
        return services;
    }
}
