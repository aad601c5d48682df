using Hub.LoadHarness.Measure;

namespace Hub.LoadHarness.Pacing;

/// <summary>Latency at one offered rate: the rate asked for, the rate the pacer achieved, and the latencies.</summary>
public sealed record PacedRate(double Rate, double OfferedRate, LatencySummary Latency);
