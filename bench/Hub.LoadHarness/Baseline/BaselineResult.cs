using Hub.LoadHarness.Measure;

namespace Hub.LoadHarness.Baseline;

/// <param name="Messages">Messages in the throughput phase.</param>
/// <param name="MessageBytes">Body size of every message.</param>
/// <param name="MessagesPerSecond">Publish-with-confirms to consume-and-ack, first publish to last ack.</param>
/// <param name="Paced">Publish-to-consume latency of messages sent one at a time at the paced rate.</param>
public sealed record BaselineResult(int Messages, int MessageBytes, double MessagesPerSecond, double PacedRate, LatencySummary Paced);
