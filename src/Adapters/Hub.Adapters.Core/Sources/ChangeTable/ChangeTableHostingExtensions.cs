using Hub.Adapters.Core.Sources.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.ChangeTable;

public static class ChangeTableHostingExtensions
{
    /// <summary>
    /// The change-table source, bound from <c>Adapter:Sources:ChangeTable</c>, with the agency's mapper. Runs only
    /// when <c>Enabled</c> is true. Call after <c>AddAgencyAdapter</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChangeTableSource<TMapper>(this IHostApplicationBuilder builder)
        where TMapper : class, IRecordMapper<ChangeTableRecord>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSource<ChangeTableOptions, ChangeTableOptionsValidator, ChangeTableRecord, TMapper>(builder.Configuration, ChangeTableOptions.SectionName);
        builder.Services.TryAddSingleton(sp => new ChangeTableStore(sp.GetRequiredService<IOptions<ChangeTableOptions>>().Value));
        builder.Services.TryAddSingleton<ChangeTableProcessor>();
        builder.Services.TryAddSingleton<ChangeTableSource>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeTableSource>());
        return builder;
    }
}
