using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.ServiceDefaults.Health;

/// <summary>
/// Liveness: answering at all shows the process is responsive (its thread pool runs requests). It deliberately checks
/// no dependency, so a broker or database outage makes the process unready, never restarted.
/// </summary>
public sealed class ProcessLivenessCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy());
}
