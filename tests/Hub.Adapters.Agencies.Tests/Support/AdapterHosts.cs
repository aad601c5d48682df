using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>
/// Builds an agency worker's host exactly as its Program.cs does, from in-memory settings instead of appsettings and
/// the environment. The broker points at a closed loopback port so nothing here ever reaches a real broker.
/// </summary>
public static class AdapterHosts
{
    public static Dictionary<string, string?> Settings(string agency) => new()
    {
        ["Adapter:Agency"] = agency,
        ["Broker:Host"] = "127.0.0.1",
        ["Broker:Port"] = "1",
        ["Broker:VirtualHost"] = "agencyhub",
        ["Broker:Username"] = "adapter-" + agency,
        ["Broker:Password"] = "test-only-password",
    };

    public static IHost Build(Dictionary<string, string?> settings, Action<IHostApplicationBuilder> addAdapter)
    {
        ArgumentNullException.ThrowIfNull(addAdapter);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        addAdapter(builder);
        return builder.Build();
    }

    /// <summary>Starts the host, which must fail its start-time validation; returns every validation message.</summary>
    public static async Task<string> StartFailureAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var failure = await Should.ThrowAsync<Exception>(() => host.StartAsync());
        return failure is AggregateException many ? string.Join(" | ", many.InnerExceptions.Select(e => e.Message)) : failure.Message;
    }
}
