namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>
/// <c>Adapter:Sink:Webhook</c>. Budgets: each delivery attempt of the delivery endpoint runs this whole pipeline
/// (up to <see cref="TotalTimeout"/>), and the endpoint tries four times, so a dead case system holds a delivery
/// for at most about 4 × <see cref="TotalTimeout"/> + 6 s before it moves to the error queue.
/// </summary>
public sealed class WebhookSinkOptions
{
    /// <summary>Where deliveries are POSTed (https, or http to loopback only).</summary>
    public string? Url { get; set; }

    /// <summary>Where recall notices are POSTed.</summary>
    public string? RecallUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>; supply it from a secret store or environment variable.</summary>
    public string? BearerToken { get; set; }

    /// <summary>mTLS client certificate: a PKCS#12 (.pfx/.p12) file, or a PEM certificate with <see cref="ClientKeyPath"/>.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of the client certificate.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>Retries after the first attempt, on transient failures only (5xx, 408, 429, network errors, timeouts).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, including a Retry-After the case system asks for.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed share of attempts in <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts in the sampling window before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
