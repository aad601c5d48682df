using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Measure;

/// <param name="Events">Release notices fed in the phase.</param>
/// <param name="Deliveries">Deliveries the router queued for them, all written by the recipients' sinks.</param>
/// <param name="DeliveriesByRecipient">Those deliveries per recipient agency.</param>
/// <param name="NoneShared">Events the router decided without sharing with anyone.</param>
/// <param name="Seconds">From the first feed (drop or POST) to the last sink write.</param>
/// <param name="Latency">Feed-to-sink-write latency of every delivery.</param>
/// <param name="Completeness">Every event decided once and every queued delivery written.</param>
/// <param name="SourceSeconds">Burst only: from the drop until the probation worker had every row confirmed by the broker.</param>
/// <param name="BrokerRestart">Burst only, with <c>--broker-restart-at</c>: when the node was killed and how long it was down.</param>
public sealed record PhaseResult(
    int Events,
    int Deliveries,
    IReadOnlyDictionary<string, int> DeliveriesByRecipient,
    int NoneShared,
    double Seconds,
    LatencySummary Latency,
    Completeness Completeness,
    double? SourceSeconds = null,
    BrokerRestartResult? BrokerRestart = null)
{
    /// <summary>Rows per second the probation worker read, mapped and had confirmed: the source's share of the pipeline.</summary>
    public double? SourceRowsPerSecond => Events / SourceSeconds;

    public double EventsPerSecond => Events / Seconds;

    public double DeliveriesPerSecond => Deliveries / Seconds;
}
