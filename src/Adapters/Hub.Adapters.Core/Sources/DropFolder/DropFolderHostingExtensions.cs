using Hub.Adapters.Core.Sources.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

public static class DropFolderHostingExtensions
{
    /// <summary>
    /// The drop-folder source, bound from <c>Adapter:Sources:DropFolder</c>, with the agency's mapper. Runs only
    /// when <c>Enabled</c> is true. Call after <c>AddAgencyAdapter</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDropFolderSource<TMapper>(this IHostApplicationBuilder builder)
        where TMapper : class, IRecordMapper<DropFolderRecord>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSource<DropFolderOptions, DropFolderOptionsValidator, DropFolderRecord, TMapper>(builder.Configuration, DropFolderOptions.SectionName);
        builder.Services.TryAddSingleton<DropFileProcessor>();
        builder.Services.TryAddSingleton<DropFolderSource>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DropFolderSource>());

        return builder;
    }
}
