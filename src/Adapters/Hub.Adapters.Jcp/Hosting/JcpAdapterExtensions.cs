using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Jcp.StatusChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Jcp.Hosting;

public static class JcpAdapterExtensions
{
    /// <summary>The Jobcentre Plus (DWP) adapter: hub connection as <c>adapter-jcp</c>, and its record mappers.</summary>
    public static IHostApplicationBuilder AddJcpAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter();
        builder.Services.TryAddSingleton<EmploymentStatusCheckMapper>();

        // Until a configured sink (webhook, folder, table) is registered, deliveries are held in memory.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
