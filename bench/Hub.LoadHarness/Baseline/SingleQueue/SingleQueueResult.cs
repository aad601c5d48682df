using Hub.LoadHarness.Pacing;

namespace Hub.LoadHarness.Baseline.SingleQueue;

/// <param name="Messages">Messages in the throughput phase.</param>
/// <param name="MessageBytes">Body size of every message.</param>
/// <param name="MessagesPerSecond">Publish-with-confirms to consume-and-ack, first publish to last ack.</param>
/// <param name="Paced">Publish-to-consume latency at each offered rate.</param>
public sealed record SingleQueueResult(int Messages, int MessageBytes, double MessagesPerSecond, IReadOnlyList<PacedRate> Paced);
