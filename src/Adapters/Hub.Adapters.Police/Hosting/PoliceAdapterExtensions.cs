using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Police.Iom;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Police.Hosting;

public static class PoliceAdapterExtensions
{
    /// <summary>The police adapter: hub connection as <c>adapter-police</c>, and the IOM delivery mapper.</summary>
    public static IHostApplicationBuilder AddPoliceAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter();
        builder.Services.TryAddSingleton<IomNominalMapper>();

        // Until a configured sink (webhook, folder, table) is registered, deliveries are held in memory.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
