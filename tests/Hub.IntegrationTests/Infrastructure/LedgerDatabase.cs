using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh ledger database with the production split (docs/adr/0008): the test server's superuser stands in for the
/// schema owner (and for an attacker with full access), and a new login role is the router's runtime role.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private LedgerDatabase(string admin, string runtime, string role)
    {
        Admin = admin;
        Runtime = runtime;
        RuntimeRole = role;
        RuntimeSource = NpgsqlDataSource.Create(runtime);
        AdminSource = NpgsqlDataSource.Create(admin);
    }

    /// <summary>The schema owner's connection string (superuser on the test server).</summary>
    public string Admin { get; }

    /// <summary>The router's runtime role's connection string (trust authentication on the test server).</summary>
    public string Runtime { get; }

    public string RuntimeRole { get; }

    public NpgsqlDataSource RuntimeSource { get; }

    public NpgsqlDataSource AdminSource { get; }

    public static async Task<LedgerDatabase> CreateAsync(ServersFixture servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var admin = await servers.CreateDatabaseAsync();
        var role = "hub_runtime_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE ROLE {role} LOGIN", connection);
            await command.ExecuteNonQueryAsync();
        }

        var runtime = new NpgsqlConnectionStringBuilder(admin) { Username = role, Password = null }.ConnectionString;
        return new LedgerDatabase(admin, runtime, role);
    }

    /// <summary>The router's store as the runtime role, its schema applied by the owner, refusing to run unless append-only.</summary>
    public async Task<PostgresLedgerStore> RuntimeStoreAsync()
    {
        var store = new PostgresLedgerStore(RuntimeSource, new PostgresLedgerMigration(RuntimeSource, Admin, requireAppendOnly: true));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public PostgresLedgerSealer Sealer(ILedgerStore rows, int batchSize) =>
        new(RuntimeSource, rows, new PostgresChainStore(RuntimeSource), Options.Create(new LedgerIntegrityOptions { SealBatchSize = batchSize }), TimeProvider.System);

    public LedgerVerifier Verifier() => new(new PostgresLedgerStore(RuntimeSource), new PostgresChainStore(RuntimeSource));

    /// <summary>Runs SQL with full rights: the schema owner's job, or an attacker's tampering.</summary>
    public async Task AsAdminAsync(string sql)
    {
        await using var command = AdminSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = AdminSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await RuntimeSource.DisposeAsync();
        await AdminSource.DisposeAsync();
    }
}
