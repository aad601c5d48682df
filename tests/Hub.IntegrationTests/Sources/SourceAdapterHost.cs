using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Sources;

/// <summary>The probation adapter (<c>AddAgencyAdapter</c> + sources) with probation's own broker user.</summary>
public sealed class SourceAdapterHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SourceAdapterHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<SourceAdapterHost> StartAsync(BrokerEndpoint broker, IDictionary<string, string?> settings, Action<IHostApplicationBuilder> addSources)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(addSources);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var agency = AgencyCode.Probation.Value;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Adapter:Agency"] = agency,
            ["Broker:Host"] = broker.Host,
            ["Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = broker.VirtualHost,
            ["Broker:Username"] = "adapter-" + agency,
            ["Broker:Password"] = broker.PasswordOf("adapter-" + agency),
        });
        builder.Services.AddSingleton<IDeliverySink, MemoryDeliverySink>();
        builder.AddAgencyAdapter();
        addSources(builder);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new SourceAdapterHost(host);
    }

    public DropFileProcessor DropFolder => _host.Services.GetRequiredService<DropFileProcessor>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
