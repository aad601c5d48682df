using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Police.Iom;
using Hub.Contracts.Agencies;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Police.Hosting;

public static class PoliceAdapterExtensions
{
    /// <summary>
    /// The police adapter: hub connection as <c>adapter-police</c>, and the sink chosen by <c>Adapter:Sink:Kind</c>
    /// with release notices mapped to IOM nominal updates. The police are the source of no flow in the sample
    /// agreements, so this worker has no source. See the project's README.md.
    /// </summary>
    public static IHostApplicationBuilder AddPoliceAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter(AgencyCode.Police);
        builder.Services.TryAddSingleton<IomNominalMapper>();
        builder.Services.TryAddSingleton<IDeliveryRecordMapper, PoliceDeliveryRecordMapper>();

        // Adapter:Sink:Kind None (the default) keeps deliveries in memory only: for trials, never for production.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
