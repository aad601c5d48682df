using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Consent;
using Hub.Router.Consent.Postgres;
using Hub.Router.Consent.Sqlite;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Sqlite;
using Hub.Router.Recalls;
using Hub.Router.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Router.Hosting;

public static class RouterServiceCollectionExtensions
{
    /// <summary>Everything the router needs apart from its transport and its store.</summary>
    public static IServiceCollection AddHubRouterCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<RouterOptions>().Bind(configuration.GetSection(RouterOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RouterOptions>, RouterOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RouterOptions>, RouterOptionsSetup>());
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RouterTelemetry>();
        services.TryAddSingleton<SubjectPseudonymiser>();
        services.TryAddSingleton<FileAgreementProvider>();
        services.TryAddSingleton<IAgreementProvider>(sp => sp.GetRequiredService<FileAgreementProvider>());
        services.TryAddSingleton<RejectionRecorder>();
        services.TryAddSingleton<RejectionLedgerFilter>();
        services.TryAddSingleton<UnknownTypeLedgerFilter>();
        services.TryAddSingleton<ConsentViews>();
        services.TryAddSingleton<ConsentIngress>();
        services.TryAddSingleton<RecallDispatcher>();
        services.TryAddSingleton<IngressProcessor>();
        services.AddHostedService<LedgerInitializer>();
        services.AddHostedService<ConsentStoreInitializer>();
        return services;
    }

    /// <summary>The production ledger: Postgres through a pooled <see cref="NpgsqlDataSource"/>.</summary>
    public static IServiceCollection AddPostgresLedger(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<ILedgerStore, PostgresLedgerStore>();
        services.TryAddSingleton<IConsentStore, PostgresConsentStore>();
        return services;
    }

    /// <summary>The embedded ledger: one SQLite file.</summary>
    public static IServiceCollection AddSqliteLedger(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.TryAddSingleton<ILedgerStore>(_ => new SqliteLedgerStore(path));
        services.TryAddSingleton<IConsentStore>(_ => new SqliteConsentStore(path));
        return services;
    }
}
