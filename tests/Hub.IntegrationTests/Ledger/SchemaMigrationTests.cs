using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// The schema is its own step (<c>hub db migrate</c>, docs/adr/0022): afterwards a router holding only the runtime
/// role's credential starts append-only, and before it such a router refuses with the command to run.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class SchemaMigrationTests(ServersFixture servers) : IAsyncLifetime
{
    private LedgerDatabase _database = null!;

    public async Task InitializeAsync() => _database = await LedgerDatabase.CreateAsync(servers);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_migrated_by_the_command_should_let_a_router_without_the_owner_credential_start_append_only_and_write()
    {
        var (exit, output, errors) = await HubCli.RunAsync("db", "migrate", "--postgres", _database.Admin, "--runtime-role", _database.RuntimeRole);
        var store = new PostgresLedgerStore(_database.RuntimeSource, new PostgresLedgerMigration(_database.RuntimeSource, ownerConnectionString: null, requireAppendOnly: true));

        exit.ShouldBe(0, errors);
        output.ShouldContain($"role {_database.RuntimeRole} may insert and read, never update or delete");
        await store.InitializeAsync(CancellationToken.None);
        await store.RecordDecisionsAsync(LedgerBatches.Release(TimeProvider.System.GetUtcNow()), CancellationToken.None);
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(4);
        (await _database.CountAsync($"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = '{_database.RuntimeRole}'")).ShouldBe(0, "the runtime role owns nothing");
    }

    [Fact]
    public async Task When_not_migrated_should_refuse_a_router_without_the_owner_credential_naming_the_command()
    {
        await _database.AsAdminAsync($"REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE CREATE ON SCHEMA public FROM {_database.RuntimeRole}");
        var store = new PostgresLedgerStore(_database.RuntimeSource, new PostgresLedgerMigration(_database.RuntimeSource, ownerConnectionString: null, requireAppendOnly: true));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        refused.Message.ShouldContain("hub db migrate");
        refused.Message.ShouldContain(_database.RuntimeRole);
    }

    [Fact]
    public async Task When_the_command_lacks_the_runtime_role_should_exit_2_saying_what_it_needs()
    {
        var (exit, _, errors) = await HubCli.RunAsync("db", "migrate", "--postgres", _database.Admin);

        exit.ShouldBe(2);
        errors.ShouldContain("Ledger:RuntimeRole");
    }
}
