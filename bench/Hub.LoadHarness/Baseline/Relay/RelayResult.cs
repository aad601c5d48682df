using Hub.LoadHarness.Pacing;

namespace Hub.LoadHarness.Baseline.Relay;

/// <param name="Events">Messages published to the relay's ingress queue at full speed.</param>
/// <param name="Recipients">Delivery queues each event is relayed to.</param>
/// <param name="Deliveries">Messages consumed from the delivery queues.</param>
/// <param name="Seconds">From the first publish to the last delivery.</param>
/// <param name="MessageBytes">Body size.</param>
/// <param name="Paced">Publish-to-last-delivery latency at each offered rate.</param>
public sealed record RelayResult(int Events, int Recipients, long Deliveries, double Seconds, int MessageBytes, IReadOnlyList<PacedRate> Paced)
{
    public double EventsPerSecond => Events / Seconds;

    public double DeliveriesPerSecond => Deliveries / Seconds;
}
