namespace Hub.LoadHarness.Measure;

/// <summary>One paced phase through the hub: its path in, the rate asked for, the rate the pacer achieved, and the result.</summary>
public sealed record PacedPhase(FeedPath Path, double Rate, double OfferedRate, PhaseResult Result);
