namespace Hub.LoadHarness;

/// <param name="Events">Release notices in the throughput phase (one file, as a prison's daily list arrives).</param>
/// <param name="PacedEvents">Release notices in the latency phase, one file each.</param>
/// <param name="PacedRate">Files (and baseline messages) per second in the latency phase.</param>
/// <param name="BaselineMessages">Messages in the raw RabbitMQ throughput baseline.</param>
/// <param name="MessageBytes">Size of each baseline message (a release notice envelope is about 1 KB).</param>
/// <param name="PollInterval">The probation drop folder's poll interval: part of every drop-to-delivery latency.</param>
/// <param name="WorkRoot">Where the run's drop folders, sinks, dedupe stores and process logs go.</param>
/// <param name="Out">JSON report path, or null.</param>
public sealed record HarnessSettings(
    int Events,
    int PacedEvents,
    double PacedRate,
    int BaselineMessages,
    int MessageBytes,
    TimeSpan PollInterval,
    int Seed,
    string WorkRoot,
    string? Out)
{
    /// <summary>How long a phase of <paramref name="items"/> may take before the harness gives up with an error.</summary>
    public static TimeSpan PhaseTimeout(int items) => TimeSpan.FromSeconds(120 + (items * 0.25));
}
