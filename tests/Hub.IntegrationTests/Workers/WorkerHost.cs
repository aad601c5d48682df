using Hub.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Workers;

/// <summary>
/// An agency worker composed by its own <c>Add&lt;Agency&gt;Adapter()</c>, configured only by settings (the ones its
/// README lists), with the agency's own broker user against the test broker.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerHost(IHost host) => _host = host;

    public static async Task<WorkerHost> StartAsync(BrokerEndpoint broker, string agency, IDictionary<string, string?> settings, Action<IHostApplicationBuilder> addAdapter)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(addAdapter);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Adapter:Agency"] = agency,
            ["Broker:Host"] = broker.Host,
            ["Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = broker.VirtualHost,
            ["Broker:Username"] = "adapter-" + agency,
            ["Broker:Password"] = broker.PasswordOf("adapter-" + agency),
        });
        addAdapter(builder);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
