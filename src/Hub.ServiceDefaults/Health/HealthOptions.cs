namespace Hub.ServiceDefaults.Health;

/// <summary>
/// The management listener serving <c>/health/live</c> and <c>/health/ready</c>. Off unless <c>Health:Urls</c> is set:
/// tests, the embedded run and developers start many routers and adapters side by side, and a fixed default port
/// would make them fight over it. The container images set <c>Health__Urls=http://+:8081</c>.
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Kestrel listen URLs, separated by ';' (e.g. <c>http://+:8081</c>, or <c>http://127.0.0.1:0</c> in tests).</summary>
    public string? Urls { get; set; }

    /// <summary>How long one check may take before it counts as unhealthy (a hung database must not hang the probe).</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
