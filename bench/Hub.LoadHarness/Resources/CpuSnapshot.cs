namespace Hub.LoadHarness.Resources;

/// <summary>CPU seconds of every watched process and of the whole machine at one moment.</summary>
public sealed record CpuSnapshot(TimeSpan At, MachineCpu Machine, IReadOnlyDictionary<string, (int Pid, double Seconds)?> Processes);
