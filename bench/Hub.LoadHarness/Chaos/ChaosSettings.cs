namespace Hub.LoadHarness.Chaos;

/// <param name="Scenario">The fault to inject.</param>
/// <param name="Events">Rows in the release list dropped through the probation worker.</param>
/// <param name="Seed">Seeds the simulator, the moment of the fault and (router-kill) which router dies.</param>
/// <param name="Timeout">The whole scenario's bound, from the stack's start to the last check.</param>
/// <param name="WorkRoot">Drop folders, sinks and process logs.</param>
/// <param name="Out">JSON result path, or null.</param>
/// <param name="Row">A file the scenario's table row is appended to (tab-separated, for scripts/chaos.sh), or null.</param>
public sealed record ChaosSettings(ChaosScenario Scenario, int Events, int Seed, TimeSpan Timeout, string WorkRoot, string? Out, string? Row)
{
    /// <summary>Warm-up rows (and a tenth over HTTP) before the burst: every path started, the dead-letter baseline read.</summary>
    public const int WarmupEvents = 20;

    /// <summary>The default bound: five minutes plus 30 ms an event (about 15 minutes at 20,000).</summary>
    public static TimeSpan DefaultTimeout(int events) => TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(30.0 * events);

    /// <summary>The fault comes once this share of the list is decided: from 10 % to 50 %, drawn from the seed.</summary>
    public long FaultAfter(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return (long)Math.Ceiling(Events * (0.1 + (0.4 * random.NextDouble())));
    }

    /// <summary>The settings the stack starts with: no baselines, no paced phases, the scenario's routers.</summary>
    public HarnessSettings Stack => new(
        Events,
        WarmupEvents,
        [],
        1,
        1,
        Baseline.TimedMessage.MinimumBytes,
        TimeSpan.FromMilliseconds(50),
        Seed,
        WorkRoot,
        null,
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        null,
        SkipBaselines: true,
        Routers: Scenario.Routers);
}
