using Hub.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Health;

/// <summary>
/// The management listener: a separate Kestrel inside the worker (as the adapters' HTTP ingest does), so the router
/// and adapters stay generic hosts and the probe port is never the ingest port. It runs the worker's own
/// <see cref="HealthCheckService"/>; the web app has no other services. Started first, stopped last, so a probe sees
/// "unready" rather than "refused" while the bus starts or stops. Other management endpoints (<c>/metrics</c>) join it
/// through <see cref="IManagementEndpoint"/>.
/// </summary>
public sealed class HealthEndpointServer(IServiceProvider worker, IOptions<HealthOptions> options) : IHostedService, IAsyncDisposable
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private WebApplication? _app;

    /// <summary>The addresses Kestrel bound (with the real port when <c>Health:Urls</c> asks for port 0); empty when off.</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Urls))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.Urls);
        // ASP.NET Core's request lines (path and query string) at Warning only, whatever the configuration says.
        builder.Services.AddSingleton<ILoggerFactory>(new ListenerLoggerFactory(worker.GetRequiredService<ILoggerFactory>()));
        _app = builder.Build();
        var health = worker.GetRequiredService<HealthCheckService>();
        _app.MapGet(LivePath, (HttpContext context) => Answer(context, health, HealthTags.Live));
        _app.MapGet(ReadyPath, (HttpContext context) => Answer(context, health, HealthTags.Ready));
        foreach (var endpoint in worker.GetServices<IManagementEndpoint>())
        {
            endpoint.Map(_app);
        }

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

    private static async Task Answer(HttpContext context, HealthCheckService health, string tag)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted);
        await HealthResponseWriter.WriteAsync(context, report);
    }
}
