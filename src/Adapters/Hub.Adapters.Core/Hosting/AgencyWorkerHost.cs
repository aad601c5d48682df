using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hub.Adapters.Core.Hosting;

/// <summary>The host builder every agency worker's Program.cs starts from.</summary>
public static class AgencyWorkerHost
{
    /// <summary>
    /// appsettings.json is read from beside the binary, so <c>dotnet run --project …</c> from the repository root
    /// finds it; environment variables override it, with or without the <c>AGENCYHUB_</c> prefix.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
        return builder;
    }
}
