using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Nhs.Hosting;

public static class NhsAdapterExtensions
{
    /// <summary>The NHS adapter: the hub connection as the <c>adapter-nhs</c> broker user, and the FHIR record mappers.</summary>
    public static IHostApplicationBuilder AddNhsAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter();
        builder.Services.TryAddSingleton<EncounterDischargeMapper>();
        builder.Services.TryAddSingleton<MedicationRequestContinuityMapper>();

        // Until a configured sink (webhook, folder, table) is registered, deliveries are held in memory.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
