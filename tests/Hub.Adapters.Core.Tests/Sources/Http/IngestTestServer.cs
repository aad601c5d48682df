using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Topology;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>The ingest endpoint on a TestServer over probation's source services (in-memory harness, or a broker that is down).</summary>
internal sealed class IngestTestServer : IAsyncDisposable
{
    public const string Key = "test-key-0123456789abcdef0123456789abcdef";

    private readonly ServiceProvider _worker;
    private readonly WebApplication _app;

    private IngestTestServer(ServiceProvider worker, WebApplication app)
    {
        _worker = worker;
        _app = app;
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Add(HttpIngestAuthenticator.ApiKeyHeader, Key);
    }

    public HttpClient Client { get; }

    public ITestHarness Harness => _worker.GetRequiredService<ITestHarness>();

    public static async Task<IngestTestServer> StartAsync(bool brokerDown = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdapterCore(HubAddresses.InMemory);
        services.Configure<AdapterOptions>(o => o.Agency = "probation");
        services.Configure<HttpIngestOptions>(o => o.ApiKeys["probation-case-system"] = Key);
        services.AddSourceCore();
        services.AddSingleton<IRecordMapper<HttpIngestRecord>, ContractShapeMapper>();
        services.AddSingleton<HttpIngestAuthenticator>();
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((_, _) => { }));
        if (brokerDown)
        {
            services.AddScoped<ISendEndpointProvider, UnavailableBroker>();
        }

        var worker = services.BuildServiceProvider(validateScopes: true);
        await worker.GetRequiredService<ITestHarness>().Start();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        HttpIngestServer.Share(builder.Services, worker);
        var app = builder.Build();
        app.MapHttpIngest();
        await app.StartAsync();
        return new IngestTestServer(worker, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _worker.DisposeAsync();
    }
}
