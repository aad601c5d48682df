using Hub.LoadHarness.Baseline;
using Hub.LoadHarness.Measure;

namespace Hub.LoadHarness.Report;

/// <summary>One run's figures: the hub's two phases beside the broker's own, and the ratios between them.</summary>
public sealed record LoadReport(
    DateTimeOffset StartedAt,
    string Machine,
    HarnessSettings Settings,
    BaselineResult Baseline,
    PhaseResult Burst,
    PhaseResult Paced)
{
    /// <summary>Hub events per second as a share of raw broker messages per second.</summary>
    public double EventThroughputRatio => Burst.EventsPerSecond / Baseline.MessagesPerSecond;

    /// <summary>Hub deliveries per second as a share of raw broker messages per second.</summary>
    public double DeliveryThroughputRatio => Burst.DeliveriesPerSecond / Baseline.MessagesPerSecond;

    /// <summary>Paced drop-to-sink p50 over the broker's paced publish-to-consume p50.</summary>
    public double LatencyRatioP50 => Paced.Latency.P50 / Baseline.Paced.P50;

    public double LatencyRatioP99 => Paced.Latency.P99 / Baseline.Paced.P99;
}
