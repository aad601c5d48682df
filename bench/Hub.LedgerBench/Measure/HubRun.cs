namespace Hub.LedgerBench.Measure;

/// <summary>One run of the hub command: exit code, what it printed, wall-clock seconds and peak resident memory (MiB, 0 when unknown).</summary>
public sealed record HubRun(int ExitCode, string Output, string Errors, double Seconds, double PeakMemoryMiB);
