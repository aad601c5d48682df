using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>An agency adapter (<c>AddAgencyAdapter</c>) logged in with that agency's own broker user.</summary>
public sealed class AdapterUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private AdapterUnderTest(AgencyCode agency, IHost host)
    {
        Agency = agency;
        _host = host;
    }

    public AgencyCode Agency { get; }

    public MemoryDeliverySink Sink => _host.Services.GetRequiredService<MemoryDeliverySink>();

    public static Task<AdapterUnderTest> StartAsync(BrokerEndpoint broker, AgencyCode agency) => StartAsync(broker, agency, failing: false);

    /// <param name="failing">
    /// When true, the sink refuses every delivery permanently (as a case system answering 400 would), so each one
    /// lands in the delivery error queue.
    /// </param>
    /// <param name="settings">More configuration, e.g. <c>Adapter:SigningKeyFile</c>.</param>
    public static async Task<AdapterUnderTest> StartAsync(BrokerEndpoint broker, AgencyCode agency, bool failing, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapter:Agency"] = agency.Value,
            ["Broker:Host"] = broker.Host,
            ["Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = broker.VirtualHost,
            ["Broker:Username"] = "adapter-" + agency.Value,
            ["Broker:Password"] = broker.PasswordOf("adapter-" + agency.Value),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<MemoryDeliverySink>();
        builder.Services.AddSingleton<IDeliverySink>(sp => failing ? new RefusingDeliverySink() : sp.GetRequiredService<MemoryDeliverySink>());
        builder.AddAgencyAdapter();
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new AdapterUnderTest(agency, host);
    }

    public async Task SubmitAsync(IShareableEvent @event)
    {
        using var scope = _host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IngressPublisher>().SubmitAsync(Agency, @event, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
