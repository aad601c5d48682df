namespace Hub.ServiceDefaults.Metrics;

/// <summary>
/// Reads state that lives outside the process (queue depths, outstanding recalls) into the snapshot its observable
/// gauges report. Observable-gauge callbacks run inside a scrape and must not block on I/O, so
/// <see cref="GaugeSamplingService"/> calls this on a timer instead.
/// </summary>
public interface IGaugeSampler
{
    /// <summary>A short, fixed name for logs and the sampling-error counter (e.g. <c>broker-queues</c>).</summary>
    string Name { get; }

    Task SampleAsync(CancellationToken cancellationToken);
}
