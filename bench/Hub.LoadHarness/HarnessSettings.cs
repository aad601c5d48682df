namespace Hub.LoadHarness;

/// <param name="Events">Release notices in the burst (one file, as a prison's list arrives), and relay baseline events at full speed.</param>
/// <param name="WarmupEvents">Fed before any timing: through the drop folder and (a tenth) over HTTP; the baselines warm up with as many messages.</param>
/// <param name="PacedRates">Offered rates (events a second) of the paced phases, each through HTTP ingest and the drop folder, and in both baselines.</param>
/// <param name="PacedSeconds">How long each paced phase offers events.</param>
/// <param name="BaselineMessages">Messages in the single-queue baseline at full speed.</param>
/// <param name="MessageBytes">Size of each baseline message (a release notice envelope is about 1 KB).</param>
/// <param name="PollInterval">The probation drop folder's poll interval: part of every drop-to-delivery latency.</param>
/// <param name="Seed">Simulator seed.</param>
/// <param name="WorkRoot">Where the run's drop folders, sinks, dedupe stores and process logs go.</param>
/// <param name="Out">JSON report path, or null.</param>
/// <param name="RouterEnvironment">Extra environment for the router (<c>--router-env</c>), over the harness's own.</param>
/// <param name="WorkerEnvironment">Extra environment for every worker (<c>--worker-env</c>), over the harness's own.</param>
/// <param name="BrokerRestartAt">Seconds into the burst to kill -9 and restart the RabbitMQ node, or null.</param>
/// <param name="SkipBaselines">Hub phases only (for quick checks); the report then has no ratios.</param>
/// <param name="Routers">Router processes on the one ledger (the chaos suite's router scenario runs three).</param>
public sealed record HarnessSettings(
    int Events,
    int WarmupEvents,
    IReadOnlyList<double> PacedRates,
    double PacedSeconds,
    int BaselineMessages,
    int MessageBytes,
    TimeSpan PollInterval,
    int Seed,
    string WorkRoot,
    string? Out,
    IReadOnlyDictionary<string, string> RouterEnvironment,
    IReadOnlyDictionary<string, string> WorkerEnvironment,
    double? BrokerRestartAt,
    bool SkipBaselines,
    int Routers = 1)
{
    /// <summary>The hub's default log level in the run: production would not log every message at Information either.</summary>
    public const string HubLogLevel = "Warning";

    /// <summary>Events offered in a paced phase at <paramref name="rate"/>.</summary>
    public int PacedCount(double rate) => Math.Max(1, (int)Math.Round(rate * PacedSeconds));

    /// <summary>Events fed over HTTP in the warm-up: a tenth of it, at least one.</summary>
    public int WarmupHttpEvents => Math.Max(1, WarmupEvents / 10);

    /// <summary>Release notices the whole run feeds the hub.</summary>
    public int HubEvents => WarmupEvents + WarmupHttpEvents + Events + (2 * PacedRates.Sum(PacedCount));

    /// <summary>How long a phase of <paramref name="items"/> may take before the harness gives up with an error.</summary>
    public static TimeSpan PhaseTimeout(int items) => TimeSpan.FromSeconds(120 + (items * 0.25));
}
