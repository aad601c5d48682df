using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Consents;
using Hub.Adapters.Probation.Deliveries;
using Hub.Adapters.Probation.LeavingCare;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Sources;
using Hub.Adapters.Probation.Transfers;
using Hub.Contracts.Agencies;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Probation.Hosting;

public static class ProbationAdapterExtensions
{
    /// <summary>
    /// The probation (and prisons) adapter: hub connection as <c>adapter-probation</c>; the drop folder and HTTP
    /// ingest (each off unless enabled) with the probation record mappers; the sink chosen by
    /// <c>Adapter:Sink:Kind</c> with deliveries mapped to case contacts. See the project's README.md.
    /// </summary>
    public static IHostApplicationBuilder AddProbationAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter(AgencyCode.Probation);

        builder.Services.TryAddSingleton<ReleaseNoticeMapper>();
        builder.Services.TryAddSingleton<OasysAssessmentMapper>();
        builder.Services.TryAddSingleton<CaseTransferMapper>();
        builder.Services.TryAddSingleton<ConsentRecordMapper>();
        builder.Services.TryAddSingleton<LeavingCareReferralMapper>();
        builder.Services.TryAddSingleton(sp => new ProbationMappers(
            sp.GetRequiredService<ReleaseNoticeMapper>(),
            sp.GetRequiredService<OasysAssessmentMapper>(),
            sp.GetRequiredService<CaseTransferMapper>(),
            sp.GetRequiredService<ConsentRecordMapper>(),
            sp.GetRequiredService<LeavingCareReferralMapper>()));
        builder.AddDropFolderSource<ProbationFolderMapper>();
        builder.AddHttpIngestSource<ProbationHttpMapper>();
        builder.Services.TryAddSingleton<IDeliveryRecordMapper, CaseContactMapper>();

        // Adapter:Sink:Kind None (the default) keeps deliveries in memory only: for trials, never for production.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
