using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Sources;
using Hub.Adapters.Probation.Transfers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Probation.Hosting;

public static class ProbationAdapterExtensions
{
    /// <summary>The probation (and prisons) adapter: hub connection as <c>adapter-probation</c>, and its record mappers.</summary>
    public static IHostApplicationBuilder AddProbationAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter();
        builder.Services.TryAddSingleton<ReleaseNoticeMapper>();
        builder.Services.TryAddSingleton<OasysAssessmentMapper>();
        builder.Services.TryAddSingleton<CaseTransferMapper>();
        builder.AddDropFolderSource<ProbationFolderMapper>();

        // Until a configured sink (webhook, folder, table) is registered, deliveries are held in memory.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
