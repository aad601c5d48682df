using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Council.AdultSocialCare;
using Hub.Adapters.Council.Deliveries;
using Hub.Adapters.Council.EmploymentChecks;
using Hub.Adapters.Council.Housing;
using Hub.Adapters.Council.Performance;
using Hub.Adapters.Council.Registration;
using Hub.Adapters.Council.Sources;
using Hub.Adapters.Council.TroubledFamilies;
using Hub.Adapters.Council.WaysIntoWork;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Council.Hosting;

public static class CouncilAdapterExtensions
{
    /// <summary>
    /// The council adapter: hub connection as <c>adapter-council</c>; the drop folder and HTTP ingest of its services'
    /// records (each runs only when enabled); deliveries to the sink <c>Adapter:Sink:Kind</c> names, with the
    /// council's record shapes beside the payload.
    /// </summary>
    public static IHostApplicationBuilder AddCouncilAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<DischargeReferralMapper>();
        builder.Services.TryAddSingleton<IDeliveryRecordMapper, CouncilDeliveryRecordMapper>();
        builder.AddAgencyAdapter(AgencyCode.Council);
        builder.Services.TryAddSingleton<HousingApplicationMapper>();
        builder.Services.TryAddSingleton<EmploymentCheckRequestMapper>();
        builder.Services.TryAddSingleton<ProgrammeExitMapper>();
        builder.Services.TryAddSingleton<CaseConferenceMapper>();
        builder.Services.TryAddSingleton<BirthRegistrationMapper>();
        builder.Services.TryAddSingleton<PerformanceReturnMapper>();
        builder.AddDropFolderSource<CouncilFolderMapper>();
        builder.AddHttpIngestSource<CouncilHttpMapper>();

        // Sink kind None: deliveries are held in memory (for trying the adapter out, never for production).
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
