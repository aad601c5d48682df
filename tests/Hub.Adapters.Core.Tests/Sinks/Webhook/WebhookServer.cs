using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Tests.Sinks.Webhook;

/// <summary>
/// A real Kestrel server on a free loopback port standing in for an agency's case system: answers from a script
/// (status codes, optional Retry-After, or never), then 200; records every request.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private WebhookServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Deliveries => new(BaseAddress, "/deliveries");

    public Uri Recalls => new(BaseAddress, "/recalls");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>A JSON body the server answers 2xx with, or null for an empty 200.</summary>
    public string? SuccessBody { get; set; }

    public static async Task<WebhookServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new WebhookServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public void Answer(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(context =>
            {
                context.Response.StatusCode = (int)status;
                return context.Response.WriteAsync("""{"detail":"body text that must never reach a log or fault"}""");
            });
        }
    }

    public void AnswerWithRetryAfter(HttpStatusCode status, int seconds) =>
        _script.Enqueue(context =>
        {
            context.Response.StatusCode = (int)status;
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

    /// <summary>The next <paramref name="count"/> requests are never answered (until the client gives up).</summary>
    public void Hang(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _script.Enqueue(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Path,
            context.Request.Method,
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body));
        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        context.Response.StatusCode = 200;
        if (SuccessBody is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }
}
