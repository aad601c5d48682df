namespace Hub.LoadHarness.Report;

/// <summary>
/// The hub against the fan-out relay measured in the same run: the share of the relay's throughput the hub reaches
/// (events and deliveries), and how many times the relay's latency the hub's is at each paced rate. Also the hub's events
/// a second as a share of the single-queue baseline's messages a second, the figure earlier runs reported.
/// </summary>
public sealed record HeadlineRatios(double? EventsVsRelay, double? DeliveriesVsRelay, IReadOnlyList<PacedRatio> PacedVsRelay, double? EventsVsSingleQueue);
