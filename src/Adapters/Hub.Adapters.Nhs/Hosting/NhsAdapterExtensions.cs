using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Nhs.Deliveries;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.Sources;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Nhs.Hosting;

/// <summary>Composition of the NHS worker, so <c>Program.cs</c> and the tests build the same service.</summary>
public static class NhsAdapterExtensions
{
    /// <summary>
    /// The NHS adapter: the hub connection as the <c>adapter-nhs</c> broker user; the FHIR drop folder
    /// (<c>Adapter:Sources:DropFolder</c>) and HTTP ingest (<c>Adapter:Sources:Http</c>), each running only when
    /// enabled; deliveries to the sink named by <c>Adapter:Sink:Kind</c> with their FHIR record beside the payload,
    /// the hub's own FHIR systems under <c>Nhs:Fhir:CanonicalBase</c>.
    /// Configuration is checked at start, each failure naming its setting.
    /// </summary>
    public static IHostApplicationBuilder AddNhsAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter(AgencyCode.Nhs);
        builder.Services.TryAddSingleton<FhirR4Validator>();
        builder.Services.AddOptions<FhirCodingOptions>().BindConfiguration(FhirCodingOptions.Section);
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FhirCodingOptions>>().Value);
        builder.Services.TryAddSingleton<EncounterDischargeMapper>();
        builder.Services.TryAddSingleton<MedicationRequestContinuityMapper>();
        builder.Services.TryAddSingleton<ServiceRequestReferralMapper>();
        builder.Services.TryAddSingleton<MeasureReportIndicatorsMapper>();
        builder.Services.TryAddSingleton<NhsResourceMapper>();
        builder.AddDropFolderSource<NhsFolderMapper>();
        builder.AddHttpIngestSource<NhsHttpMapper>();
        builder.Services.AddOptions<NhsFhirOptions>().Bind(builder.Configuration.GetSection(NhsFhirOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NhsFhirOptions>, NhsFhirOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new HubFhirSystems(sp.GetRequiredService<IOptions<NhsFhirOptions>>().Value.CanonicalBase));
        builder.Services.TryAddSingleton<IDeliveryRecordMapper, NhsDeliveryRecordMapper>();

        // Adapter:Sink:Kind None (the default) keeps deliveries in memory: nothing is written until a sink is chosen.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
