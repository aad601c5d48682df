using System.Net;
using System.Net.Sockets;
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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>
/// The ingest endpoint over probation's source services (in-memory harness, or a broker that is down): on a TestServer,
/// or on real Kestrel at <see cref="Url"/> (<see cref="StartKestrelAsync"/>) where the transport's own limits apply.
/// </summary>
internal sealed class IngestTestServer : IAsyncDisposable
{
    public const string Key = "test-key-0123456789abcdef0123456789abcdef";

    private readonly ServiceProvider _worker;
    private readonly WebApplication? _app;
    private readonly HttpIngestServer? _kestrel;

    private IngestTestServer(ServiceProvider worker, WebApplication? app, HttpIngestServer? kestrel, HttpClient client, Uri url)
    {
        _worker = worker;
        _app = app;
        _kestrel = kestrel;
        Client = client;
        Url = url;
        Client.DefaultRequestHeaders.Add(HttpIngestAuthenticator.ApiKeyHeader, Key);
    }

    public HttpClient Client { get; }

    public Uri Url { get; }

    public ITestHarness Harness => _worker.GetRequiredService<ITestHarness>();

    public static async Task<IngestTestServer> StartAsync(bool brokerDown = false, ILoggerProvider? logs = null)
    {
        var worker = await StartWorkerAsync(brokerDown, logs, configure: null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        HttpIngestServer.Share(builder.Services, worker);
        var app = builder.Build();
        app.MapHttpIngest();
        await app.StartAsync();
        return new IngestTestServer(worker, app, null, app.GetTestClient(), new Uri("http://localhost/"));
    }

    /// <summary>The endpoint as the adapter runs it: <see cref="HttpIngestServer"/> on Kestrel, on a free loopback port.</summary>
    public static async Task<IngestTestServer> StartKestrelAsync(long maxBodyBytes)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var worker = await StartWorkerAsync(brokerDown: false, logs: null, options =>
        {
            options.Enabled = true;
            options.Urls = url.ToString().TrimEnd('/');
            options.MaxBodyBytes = maxBodyBytes;
        });
        var server = new HttpIngestServer(worker, worker.GetRequiredService<IOptions<HttpIngestOptions>>());
        await server.StartAsync(CancellationToken.None);
        return new IngestTestServer(worker, null, server, new HttpClient { BaseAddress = url }, url);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_kestrel is not null)
        {
            await _kestrel.StopAsync(CancellationToken.None);
            await _kestrel.DisposeAsync();
        }

        await _worker.DisposeAsync();
    }

    private static async Task<ServiceProvider> StartWorkerAsync(bool brokerDown, ILoggerProvider? logs, Action<HttpIngestOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        });
        services.AddAdapterCore(HubAddresses.InMemory);
        services.Configure<AdapterOptions>(o => o.Agency = "probation");
        services.Configure<HttpIngestOptions>(o =>
        {
            o.ApiKeys["probation-case-system"] = Key;
            configure?.Invoke(o);
        });
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
        return worker;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
