using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Jcp.Deliveries;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.Sources;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Jcp.Hosting;

public static class JcpAdapterExtensions
{
    /// <summary>
    /// The Jobcentre Plus (DWP) adapter: hub connection as <c>adapter-jcp</c>; the drop folder and HTTP ingest of its
    /// own records and the change table in its database (each runs only when enabled); deliveries to the sink <c>Adapter:Sink:Kind</c> names, with JCP's
    /// record shapes beside the payload.
    /// </summary>
    public static IHostApplicationBuilder AddJcpAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IDeliveryRecordMapper, JcpDeliveryRecordMapper>();
        builder.AddAgencyAdapter(AgencyCode.Jcp);
        builder.Services.TryAddSingleton<EmploymentStatusCheckMapper>();
        builder.Services.TryAddSingleton<ProgrammeReferralMapper>();
        builder.AddDropFolderSource<JcpFolderMapper>();
        builder.AddHttpIngestSource<JcpHttpMapper>();
        builder.AddChangeTableSource<JcpChangeMapper>();

        // Sink kind None: deliveries are held in memory (for trying the adapter out, never for production).
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
