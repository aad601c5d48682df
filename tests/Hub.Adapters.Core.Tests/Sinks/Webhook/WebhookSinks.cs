using Hub.Adapters.Core.Sinks.Webhook;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Core.Tests.Sinks.Webhook;

/// <summary>Webhook sinks pointed at a test server, with short delays so retries do not slow the suite.</summary>
internal static class WebhookSinks
{
    public static WebhookSinkOptions Options(WebhookServer server) => new()
    {
        Url = server.Deliveries.ToString(),
        RecallUrl = server.Recalls.ToString(),
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(60),
        CircuitMinimumThroughput = 100,
    };

    public static WebhookSink Create(WebhookSinkOptions options, TimeProvider? time = null) =>
        new(WebhookHttpClient.Create(options), options, time ?? TimeProvider.System, NullLogger<WebhookSink>.Instance);
}
