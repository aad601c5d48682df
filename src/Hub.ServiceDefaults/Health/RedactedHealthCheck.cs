using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.ServiceDefaults.Health;

/// <summary>
/// Runs a library's health check and keeps only its status and, on failure, the exception's type name: a driver's
/// message can quote a host, a role or a value, and the health service logs descriptions and exceptions of failed
/// checks. What the probe answers is narrower still (<see cref="HealthResponseWriter"/>: names and statuses).
/// </summary>
public sealed class RedactedHealthCheck(IHealthCheck inner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await inner.CheckHealthAsync(context, cancellationToken);
        return result.Status == HealthStatus.Healthy
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(result.Status, result.Exception?.GetType().Name ?? "check failed");
    }
}
