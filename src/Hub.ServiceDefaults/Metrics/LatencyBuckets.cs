namespace Hub.ServiceDefaults.Metrics;

/// <summary>
/// Histogram bucket bounds in seconds for the hub's latencies: from milliseconds (the router's own work) to a day
/// (an event that waited in a source system or a stopped adapter's queue), so one set serves every latency series.
/// </summary>
public static class LatencyBuckets
{
    public static IReadOnlyList<double> Seconds { get; } =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400];
}
