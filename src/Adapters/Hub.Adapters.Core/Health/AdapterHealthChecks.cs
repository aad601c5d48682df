using Hub.Adapters.Core.Delivery.Deduplication;
using Hub.Adapters.Core.Sinks;
using Hub.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hub.Adapters.Core.Health;

/// <summary>
/// An adapter's probes: live when the process answers; ready when the bus is started (MassTransit's check, named
/// <c>bus</c>) and, when configured, the agency database the Postgres sink writes to and the one durable
/// deduplication reads answer. Each database check has its own small pool, so a probe never waits behind deliveries.
/// </summary>
public static class AdapterHealthChecks
{
    public const string SinkDatabase = "sink-database";
    public const string DeduplicationDatabase = "deduplication-database";

    public static IHostApplicationBuilder AddAdapterHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var checks = builder.AddHubHealth();
        var sink = builder.Configuration.GetSection(SinkOptions.SectionName).Get<SinkOptions>() ?? new SinkOptions();
        if (sink.Kind == SinkKind.Postgres && !string.IsNullOrWhiteSpace(sink.Postgres.ConnectionString))
        {
            AddDatabase(builder.Services, checks, SinkDatabase, sink.Postgres.ConnectionString);
        }

        var dedupe = builder.Configuration.GetSection(DeduplicationOptions.SectionName).Get<DeduplicationOptions>() ?? new DeduplicationOptions();
        if (dedupe.Kind == DeduplicationKind.Postgres && !string.IsNullOrWhiteSpace(dedupe.ConnectionString))
        {
            AddDatabase(builder.Services, checks, DeduplicationDatabase, dedupe.ConnectionString);
        }

        return builder;
    }

    private static void AddDatabase(IServiceCollection services, IHealthChecksBuilder checks, string name, string connectionString)
    {
        var pool = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2, ApplicationName = "agencyhub-health" }.ConnectionString;
        services.AddKeyedSingleton(name, (_, _) => NpgsqlDataSource.Create(pool));
        checks.AddPostgresReadiness(name, sp => sp.GetRequiredKeyedService<NpgsqlDataSource>(name));
    }
}
