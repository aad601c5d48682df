using System.Security.Cryptography.X509Certificates;
using Hub.Adapters.Core.Configuration;

namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>
/// The webhook's HttpClient: one per sink, pooled connections recycled every few minutes (DNS changes), no automatic
/// redirects (they would drop or leak the Authorization header), the mTLS client certificate when configured. Time
/// limits are Polly's, so the client's own timeout is off.
/// </summary>
public static class WebhookHttpClient
{
    public static HttpClient Create(WebhookSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.AttemptTimeout,
        };
        if (LoadClientCertificate(options) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static X509Certificate2? LoadClientCertificate(WebhookSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CertificateFiles.Load(options.ClientCertificatePath, options.ClientKeyPath, options.ClientCertificatePassword);
    }
}
