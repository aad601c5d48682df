using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.ServiceDefaults.Health;

public static class HealthHostingExtensions
{
    /// <summary>
    /// Health checks with the liveness check, and the management listener bound from <c>Health</c>. The listener is
    /// registered before the bus's hosted service (call this before <c>AddMassTransit</c>), so it answers while the
    /// bus starts. MassTransit adds its own bus check (name it with <see cref="BusCheckName"/>).
    /// </summary>
    public static IHealthChecksBuilder AddHubHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthEndpointServer>());
        builder.Services.TryAddSingleton(sp => sp.GetServices<IHostedService>().OfType<HealthEndpointServer>().Single());
        // Every check gets the configured timeout unless its registration set one: a hung dependency must not hang the probe.
        builder.Services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthOptions>>((service, health) =>
        {
            foreach (var registration in service.Registrations.Where(r => r.Timeout == System.Threading.Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = health.Value.CheckTimeout;
            }
        });
        return builder.Services.AddHealthChecks().AddCheck<ProcessLivenessCheck>("process", tags: [HealthTags.Live]);
    }

    /// <summary>The name MassTransit's bus check answers under; its tags include <see cref="HealthTags.Ready"/>.</summary>
    public const string BusCheckName = "bus";

    /// <summary>A readiness check of a Postgres database through the data source <paramref name="dataSource"/> picks from the container.</summary>
    public static IHealthChecksBuilder AddPostgresReadiness(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, NpgsqlDataSource> dataSource)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(dataSource);
        // AspNetCore.HealthChecks.NpgSql's check (SELECT 1 through the process's own pool), its result redacted.
        return checks.Add(new HealthCheckRegistration(name, sp => new RedactedHealthCheck(new HealthChecks.NpgSql.NpgSqlHealthCheck(new HealthChecks.NpgSql.NpgSqlHealthCheckOptions(dataSource(sp)))), HealthStatus.Unhealthy, [HealthTags.Ready]));
    }

    /// <summary>A readiness check of any kind, created from the container.</summary>
    public static IHealthChecksBuilder AddReadiness<TCheck>(this IHealthChecksBuilder checks, string name)
        where TCheck : class, IHealthCheck
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.Add(new HealthCheckRegistration(name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TCheck>(sp), HealthStatus.Unhealthy, [HealthTags.Ready]));
    }
}
