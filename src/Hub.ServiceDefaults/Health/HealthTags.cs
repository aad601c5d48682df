namespace Hub.ServiceDefaults.Health;

/// <summary>Which endpoint a check answers on: liveness restarts a stuck process, readiness holds traffic back.</summary>
public static class HealthTags
{
    /// <summary>Checks of the process itself; never a dependency, or an outage elsewhere would restart every pod.</summary>
    public const string Live = "live";

    /// <summary>Checks of what the process needs to do its work: the broker, its databases, its agreement set.</summary>
    public const string Ready = "ready";
}
