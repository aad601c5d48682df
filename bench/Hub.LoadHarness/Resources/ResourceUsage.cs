namespace Hub.LoadHarness.Resources;

/// <summary>Where a phase's CPU went: every watched process, the machine's busy and idle time, and the router's memory.</summary>
/// <param name="WallSeconds">The interval measured.</param>
/// <param name="Cores">Cores the machine has (its core-seconds are cores × wall time).</param>
/// <param name="MachineBusySeconds">Busy core-seconds of the whole machine (/proc/stat), whoever used them.</param>
/// <param name="MachineIdleSeconds">Idle (and I/O wait) core-seconds.</param>
/// <param name="Processes">The watched processes, most CPU first.</param>
/// <param name="UnaccountedSeconds">Busy core-seconds no watched process used: the kernel's own work, or others on the machine.</param>
/// <param name="RouterPeakRssBytes">The router's highest resident set sampled during the interval.</param>
/// <param name="RouterHighWaterBytes">The router's VmHWM at the end: its peak resident set since it started.</param>
public sealed record ResourceUsage(
    double WallSeconds,
    int Cores,
    double MachineBusySeconds,
    double MachineIdleSeconds,
    IReadOnlyList<ProcessCpu> Processes,
    double UnaccountedSeconds,
    long? RouterPeakRssBytes,
    long? RouterHighWaterBytes);
