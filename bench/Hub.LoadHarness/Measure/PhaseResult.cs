namespace Hub.LoadHarness.Measure;

/// <param name="Events">Release notices fed in the phase.</param>
/// <param name="Deliveries">Deliveries the router queued for them, all written by the recipients' sinks.</param>
/// <param name="DeliveriesByRecipient">Those deliveries per recipient agency.</param>
/// <param name="NoneShared">Events the router decided without sharing with anyone.</param>
/// <param name="Seconds">From the first drop to the last sink write.</param>
/// <param name="Latency">Drop-to-sink-write latency of every delivery.</param>
/// <param name="SourceSeconds">Burst only: from the drop until the probation worker had every row confirmed by the broker.</param>
public sealed record PhaseResult(
    int Events,
    int Deliveries,
    IReadOnlyDictionary<string, int> DeliveriesByRecipient,
    int NoneShared,
    double Seconds,
    LatencySummary Latency,
    double? SourceSeconds = null)
{
    /// <summary>Rows per second the probation worker read, mapped and had confirmed: the source's share of the pipeline.</summary>
    public double? SourceRowsPerSecond => Events / SourceSeconds;

    public double EventsPerSecond => Events / Seconds;

    public double DeliveriesPerSecond => Deliveries / Seconds;
}
