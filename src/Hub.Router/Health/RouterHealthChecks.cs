using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hub.Router.Health;

/// <summary>
/// The router's probes: live when the process answers; ready when the bus is started (MassTransit's check, named
/// <c>bus</c>), the ledger database answers through the runtime role's pool, and an agreement set is loaded.
/// </summary>
public static class RouterHealthChecks
{
    public const string LedgerDatabase = "ledger-database";
    public const string AgreementSet = "agreement-set";

    public static IHostApplicationBuilder AddRouterHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHubHealth()
            .AddPostgresReadiness(LedgerDatabase, sp => sp.GetRequiredService<NpgsqlDataSource>())
            .AddReadiness<AgreementSetHealthCheck>(AgreementSet);
        return builder;
    }
}
