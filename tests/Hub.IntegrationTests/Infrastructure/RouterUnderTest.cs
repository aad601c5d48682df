using System.Security.Cryptography;
using Hub.Router.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>The production router composition (<c>AddHubRouter</c>) against the test broker and a test database.</summary>
public sealed class RouterUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private RouterUnderTest(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<RouterUnderTest> StartAsync(BrokerEndpoint broker, string ledgerConnectionString, string agreementsPath, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Host"] = broker.Host,
            ["Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:VirtualHost"] = broker.VirtualHost,
            ["Broker:Username"] = "hub-router",
            ["Broker:Password"] = broker.PasswordOf("hub-router"),
            ["ConnectionStrings:Ledger"] = ledgerConnectionString,
            ["Router:AgreementsPath"] = agreementsPath,
            ["Ledger:SubjectKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHubRouter();
        if (Environment.GetEnvironmentVariable("AGENCYHUB_TEST_LOGS") is not null)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
        }
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            // A router refused at start-up (a test of its validation) leaves nothing running behind it.
            host.Dispose();
            throw;
        }

        return new RouterUnderTest(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
