using System.Net;

namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>Which answers are worth another attempt: 5xx, 408 and 429. Every other non-success is permanent.</summary>
public static class WebhookStatus
{
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
