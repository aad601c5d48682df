using Hub.Adapters.Core.Sources.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Http;

public static class HttpIngestHostingExtensions
{
    /// <summary>
    /// The HTTP ingest endpoint, bound from <c>Adapter:Sources:Http</c>, with the agency's mapper (or
    /// <see cref="ContractShapeMapper"/> for bodies already in the contract shape). Call after <c>AddAgencyAdapter</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHttpIngestSource<TMapper>(this IHostApplicationBuilder builder)
        where TMapper : class, IRecordMapper<HttpIngestRecord>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSource<HttpIngestOptions, HttpIngestOptionsValidator, HttpIngestRecord, TMapper>(builder.Configuration, HttpIngestOptions.SectionName);
        builder.Services.TryAddSingleton<HttpIngestAuthenticator>();
        builder.Services.AddHostedService<HttpIngestServer>();
        return builder;
    }
}
