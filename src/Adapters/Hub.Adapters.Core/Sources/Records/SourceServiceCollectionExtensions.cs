using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// One source's registration: its options bound from <paramref name="section"/> and validated at start, the
    /// shared submitter, and the agency's mapper for the source's record type.
    /// </summary>
    public static IServiceCollection AddSource<TOptions, TValidator, TRecord, TMapper>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TMapper : class, IRecordMapper<TRecord>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddSourceCore();
        services.TryAddSingleton<TMapper>();
        services.TryAddSingleton<IRecordMapper<TRecord>>(sp => sp.GetRequiredService<TMapper>());
        return services;
    }
}
