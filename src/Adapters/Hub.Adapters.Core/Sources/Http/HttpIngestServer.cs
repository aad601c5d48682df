using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Sources.Records;
using Hub.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// Runs the ingest endpoint on Kestrel inside the adapter worker, so a worker stays a generic host. The web app
/// shares the worker's submitter, mapper and logging (ASP.NET Core's request lines at Warning only:
/// <see cref="ListenerLoggerFactory"/>); it has no other services.
/// </summary>
public sealed class HttpIngestServer(IServiceProvider worker, IOptions<HttpIngestOptions> options) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.Urls);

        // The slim builder leaves HTTPS out: without this an https:// URL fails at start.
        builder.WebHost.UseKestrelHttpsConfiguration();
        var server = CertificateFiles.Load(options.Value.ServerCertificatePath, options.Value.ServerKeyPath, options.Value.ServerCertificatePassword);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The ingest endpoint sets the same limit per request (BoundedBody); this covers every other path too.
            kestrel.Limits.MaxRequestBodySize = options.Value.MaxBodyBytes;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = server;
                if (options.Value.PinsClientCertificates)
                {
                    // The trust decision is the pin, with the chain to ClientCertificateCaFile when set
                    // (HttpIngestAuthenticator), not a chain to a public root: agencies' client certificates usually
                    // come from their own or a government CA.
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                }
            });
        });
        Share(builder.Services, worker);
        _app = builder.Build();
        _app.MapHttpIngest();
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The services the endpoint needs, taken from the worker; used by tests hosting the endpoint on a TestServer too.</summary>
    public static void Share(IServiceCollection services, IServiceProvider worker)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(worker);
        services.AddSingleton(worker.GetRequiredService<RecordSubmitter>());
        services.AddSingleton(worker.GetRequiredService<IRecordMapper<HttpIngestRecord>>());
        services.AddSingleton(worker.GetRequiredService<IOptions<HttpIngestOptions>>());
        services.AddSingleton(worker.GetRequiredService<HttpIngestAuthenticator>());
        services.AddSingleton<ILoggerFactory>(new ListenerLoggerFactory(worker.GetRequiredService<ILoggerFactory>()));
    }
}
