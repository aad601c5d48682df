using Hub.Contracts.Signing;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Consent;
using Hub.Router.Consent.Holding;
using Hub.Router.Consent.Postgres;
using Hub.Router.Consent.Sqlite;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Sqlite;
using Hub.Router.Metrics;
using Hub.Router.Operations;
using Hub.Router.Provenance;
using Hub.Router.Recalls;
using Hub.Router.Retractions;
using Hub.Router.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        services.AddOptions<LedgerIntegrityOptions>().Bind(configuration.GetSection(LedgerIntegrityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddLedgerAnchors(configuration);
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.SectionName))
            .Validate(o => o.Participants.Values.SelectMany(files => files).All(File.Exists) && (o.KeyFile is null || File.Exists(o.KeyFile)),
                "Router:Signing names a key file that does not exist (Participants:<agency>:<n> or KeyFile).")
            .ValidateOnStart();
        services.TryAddSingleton<IngressSignatures>();
        if (configuration[$"{SigningOptions.SectionName}:{nameof(SigningOptions.KeyFile)}"] is { Length: > 0 } routerKey)
        {
            services.AddSingleton(_ => new DeliverySigner(MessageSigner.FromPemFile(routerKey)));
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RouterMetrics>();
        services.TryAddSingleton<SubjectPseudonymiser>();
        services.TryAddSingleton<FileAgreementProvider>();
        services.TryAddSingleton<IAgreementProvider>(sp => sp.GetRequiredService<FileAgreementProvider>());
        services.TryAddSingleton<RejectionRecorder>();
        services.TryAddSingleton<RejectionLedgerFilter>();
        services.TryAddSingleton<UnknownTypeLedgerFilter>();
        services.TryAddSingleton<ConsentLookups>();
        services.TryAddSingleton<ConsentViews>();
        services.TryAddSingleton<ProvenanceFingerprints>();
        services.TryAddSingleton<ProvenanceLookups>();
        services.TryAddSingleton<DecisionBatchBuilder>();
        services.TryAddSingleton<ConsentIngress>();
        services.TryAddSingleton<HoldSignal>();
        services.TryAddSingleton<ConsentHold>();
        services.TryAddSingleton<HeldEventReleaser>();
        services.TryAddSingleton<RecallDispatcher>();
        services.TryAddSingleton<RetractionLookups>();
        services.TryAddSingleton<RetractionIngress>();
        services.TryAddSingleton<LedgerGroupWriter>();
        services.TryAddSingleton<IngressProcessor>();
        services.TryAddSingleton<DeliveryReplayer>();
        services.AddHostedService<LedgerInitializer>();
        services.AddHostedService<ConsentStoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<HeldEventReleaser>());
        return services;
    }

    /// <summary>
    /// The production ledger: Postgres through a pooled <see cref="NpgsqlDataSource"/> of the runtime role, and the
    /// background sealer. <paramref name="adminConnectionString"/>, when given, is the schema owner's: it applies the
    /// schema and grants the runtime role INSERT and SELECT on the ledger, never UPDATE or DELETE (docs/adr/0008).
    /// </summary>
    public static IServiceCollection AddPostgresLedger(this IServiceCollection services, string connectionString, string? adminConnectionString = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton(sp => new PostgresLedgerMigration(
            sp.GetRequiredService<NpgsqlDataSource>(),
            string.IsNullOrWhiteSpace(adminConnectionString) ? null : adminConnectionString,
            sp.GetRequiredService<IOptions<LedgerIntegrityOptions>>().Value.RequireAppendOnly,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<PostgresLedgerMigration>()));
        services.TryAddSingleton<ILedgerStore>(sp => new PostgresLedgerStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<PostgresLedgerMigration>()));
        services.TryAddSingleton<ILedgerChainStore>(sp => new PostgresChainStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<ILedgerSealer, PostgresLedgerSealer>();
        services.AddHostedService<LedgerSealingService>();
        services.TryAddSingleton<IConsentStore, PostgresConsentStore>();
        AddConsentStoreRoles(services);
        return services;
    }

    /// <summary>The embedded ledger: one SQLite file, and the background sealer.</summary>
    public static IServiceCollection AddSqliteLedger(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.TryAddSingleton<ILedgerStore>(_ => new SqliteLedgerStore(path));
        services.TryAddSingleton<IConsentStore>(_ => new SqliteConsentStore(path));
        AddConsentStoreRoles(services);
        services.TryAddSingleton(_ => new SqliteChainStore(path));
        services.TryAddSingleton<ILedgerChainStore>(sp => sp.GetRequiredService<SqliteChainStore>());
        services.TryAddSingleton<ILedgerSealer, SqliteLedgerSealer>();
        services.AddHostedService<LedgerSealingService>();
        return services;
    }

    /// <summary>The consent store's class is also the consent hold, the recall store and the retraction register: one instance serves all four.</summary>
    private static void AddConsentStoreRoles(IServiceCollection services)
    {
        services.TryAddSingleton(sp => (IHeldEventStore)sp.GetRequiredService<IConsentStore>());
        services.TryAddSingleton(sp => (IRecallStore)sp.GetRequiredService<IConsentStore>());
        services.TryAddSingleton(sp => (IRetractionRegister)sp.GetRequiredService<IConsentStore>());
    }
}
