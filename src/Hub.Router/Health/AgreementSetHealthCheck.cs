using Hub.Router.Agreements;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Router.Health;

/// <summary>
/// Readiness of the agreement set: the router decides nothing without one. Healthy while everything in the folder is
/// in force; Degraded (still ready) while the last reading refused something: some agreement files (the others
/// decide; each refused file keeps its version in force, if it had one) or the whole change (the previous set keeps
/// deciding), so operators see it. Never names the agreement or the error: the log has those.
/// </summary>
public sealed class AgreementSetHealthCheck(IAgreementProvider agreements) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(agreements.Current?.AgreementSetHash))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no agreement set loaded"));
        }

        return Task.FromResult(agreements switch
        {
            FileAgreementProvider { RefusedFiles.Count: > 0 and var files } => HealthCheckResult.Degraded($"{files} agreement file(s) refused; the other agreements keep deciding"),
            FileAgreementProvider { LastRejection.Count: > 0 } => HealthCheckResult.Degraded("the last change to the agreements folder was refused; the previous set keeps deciding"),
            _ => HealthCheckResult.Healthy(),
        });
    }
}
