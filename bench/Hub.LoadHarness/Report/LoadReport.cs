using Hub.LoadHarness.Baseline.Relay;
using Hub.LoadHarness.Baseline.SingleQueue;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Resources;
using Hub.LoadHarness.RouterMetrics;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Report;

/// <summary>One run: the settings it measured under, both baselines, the hub's phases, where the burst's time went, and the ratios.</summary>
public sealed record LoadReport(
    DateTimeOffset StartedAt,
    string Machine,
    HarnessSettings Settings,
    Durability Durability,
    SingleQueueResult? SingleQueue,
    RelayResult? Relay,
    PhaseResult Warmup,
    PhaseResult Burst,
    ResourceUsage BurstResources,
    RouterTime BurstRouter,
    IReadOnlyList<PacedPhase> Paced,
    int BrokerUnreachablePolls)
{
    /// <summary>Every phase's events decided once and every queued delivery written (the warm-up's too).</summary>
    public bool Complete => Warmup.Completeness.IsComplete && Burst.Completeness.IsComplete && Paced.All(p => p.Result.Completeness.IsComplete);

    public HeadlineRatios Ratios => new(
        Burst.EventsPerSecond / Relay?.EventsPerSecond,
        Burst.DeliveriesPerSecond / Relay?.DeliveriesPerSecond,
        [.. Settings.PacedRates.Select(rate =>
        {
            var relay = Relay?.Paced.FirstOrDefault(p => p.Rate == rate)?.Latency;
            var http = Paced.FirstOrDefault(p => p.Rate == rate && p.Path == FeedPath.Http)?.Result.Latency;
            var drop = Paced.FirstOrDefault(p => p.Rate == rate && p.Path == FeedPath.DropFolder)?.Result.Latency;
            return new PacedRatio(rate, http?.P50 / relay?.P50, http?.P99 / relay?.P99, drop?.P50 / relay?.P50, drop?.P99 / relay?.P99);
        })],
        Burst.EventsPerSecond / SingleQueue?.MessagesPerSecond);
}
