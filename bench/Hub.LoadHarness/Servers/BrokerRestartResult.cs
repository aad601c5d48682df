namespace Hub.LoadHarness.Servers;

/// <param name="AtSeconds">Seconds into the burst when the node was killed.</param>
/// <param name="DownSeconds">From the kill until the restarted node accepted connections again (the restart command's own time).</param>
public sealed record BrokerRestartResult(double AtSeconds, double DownSeconds);
