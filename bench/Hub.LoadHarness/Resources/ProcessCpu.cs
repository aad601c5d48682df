namespace Hub.LoadHarness.Resources;

/// <param name="Name">router, a worker's agency, rabbitmq, postgres or harness.</param>
/// <param name="CpuSeconds">User + system CPU seconds it used in the interval.</param>
/// <param name="ShareOfMachine">Those seconds over the interval's core-seconds (cores × wall time).</param>
/// <param name="Note">Why the figure is partial or missing (process restarted or not found), else null.</param>
public sealed record ProcessCpu(string Name, double CpuSeconds, double ShareOfMachine, string? Note);
