using Hub.Router.Agreements;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Router.Health;

/// <summary>
/// Readiness of the agreement set: the router decides nothing without one. Healthy while a set is loaded; Degraded
/// (still ready, the previous set keeps deciding) when the last change on disk was refused, so operators see it.
/// Never names the agreement or the error: the log has those.
/// </summary>
public sealed class AgreementSetHealthCheck(IAgreementProvider agreements) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(agreements.Current?.AgreementSetHash))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no agreement set loaded"));
        }

        return Task.FromResult(agreements is FileAgreementProvider { LastRejection.Count: > 0 }
            ? HealthCheckResult.Degraded("the last change to the agreements folder was refused")
            : HealthCheckResult.Healthy());
    }
}
