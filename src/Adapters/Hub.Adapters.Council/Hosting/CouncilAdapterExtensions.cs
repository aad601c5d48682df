using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Council.AdultSocialCare;
using Hub.Adapters.Council.Housing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Council.Hosting;

public static class CouncilAdapterExtensions
{
    /// <summary>The council adapter: hub connection as <c>adapter-council</c>, and its record mappers.</summary>
    public static IHostApplicationBuilder AddCouncilAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgencyAdapter();
        builder.Services.TryAddSingleton<HousingApplicationMapper>();
        builder.Services.TryAddSingleton<DischargeReferralMapper>();

        // Until a configured sink (webhook, folder, table) is registered, deliveries are held in memory.
        builder.Services.TryAddSingleton<IDeliverySink, MemoryDeliverySink>();
        return builder;
    }
}
