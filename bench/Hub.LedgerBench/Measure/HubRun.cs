namespace Hub.LedgerBench.Measure;

/// <summary>
/// One run of the hub command: exit code, what it printed, wall-clock seconds, peak resident memory (MiB), and the CPU
/// seconds of the command and of the server processes serving it (0 when unknown).
/// </summary>
public sealed record HubRun(int ExitCode, string Output, string Errors, double Seconds, double PeakMemoryMiB, double ClientCpuSeconds, double ServerCpuSeconds);
