namespace Hub.Adapters.Core.Sources.Http;

/// <summary><c>Adapter:Sources:Http</c>: <c>POST /events/{eventType}</c> inside the adapter worker.</summary>
public sealed class HttpIngestOptions
{
    public const string SectionName = "Adapter:Sources:Http";

    public bool Enabled { get; set; }

    /// <summary>
    /// Kestrel listen URLs, e.g. <c>https://0.0.0.0:8443</c>. Plain <c>http</c> only on loopback, unless
    /// <see cref="AllowPlainHttpBehindTlsProxy"/>.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Allows plain <c>http</c> on a non-loopback address. Only for a pod or host whose sole way in is a TLS-terminating
    /// proxy or ingress in front of it (the k8s base: the ingress terminates TLS, the NetworkPolicy admits only it);
    /// without it such a URL refuses to start, because API keys and records would cross the network in clear.
    /// </summary>
    public bool AllowPlainHttpBehindTlsProxy { get; set; }

    internal bool PinsClientCertificates => ClientCertificateThumbprints.Count > 0 || ClientCertificateSha256.Count > 0;

    /// <summary>Named API keys (name → key), sent as <c>X-Api-Key</c>. Put keys in a secret store, never in appsettings.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>
    /// The server certificate for <c>https</c> URLs: a PKCS#12 file (with <see cref="ServerCertificatePassword"/>),
    /// or a PEM certificate with <see cref="ServerKeyPath"/>.
    /// </summary>
    public string? ServerCertificatePath { get; set; }

    public string? ServerKeyPath { get; set; }

    public string? ServerCertificatePassword { get; set; }

    /// <summary>SHA-1 thumbprints (hex) of client certificates allowed instead of an API key.</summary>
    public List<string> ClientCertificateThumbprints { get; set; } = [];

    /// <summary>SHA-256 digests (hex, colons allowed) of client certificates allowed instead of an API key.</summary>
    public List<string> ClientCertificateSha256 { get; set; } = [];

    /// <summary>
    /// Optional PEM bundle of the CA(s) that must have issued a pinned client certificate: with it, a pinned certificate
    /// is accepted only while its chain to one of these builds (expired or re-issued by someone else: 401).
    /// </summary>
    public string? ClientCertificateCaFile { get; set; }

    /// <summary>How long to wait for the broker's confirm before answering 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most <see cref="MaxBodyBytes"/> may be: the broker refuses any message over 1 MiB (deploy/rabbitmq/rabbitmq.conf).</summary>
    public const long MaxBodyBytesCeiling = 1024 * 1024;

    /// <summary>
    /// Request bodies larger than this are refused with 413, counted as they are read (chunked bodies have no
    /// <c>Content-Length</c>); Kestrel stops reading at the limit.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
