using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// The ledger is append-only in the database itself (docs/adr/0008): the schema owner applies the schema and grants
/// the router's runtime role INSERT and SELECT on the ledger and its seals, never UPDATE, DELETE or TRUNCATE.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class AppendOnlyRoleTests(ServersFixture servers) : IAsyncLifetime
{
    private LedgerDatabase _database = null!;
    private PostgresLedgerStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        _store = await _database.RuntimeStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await _store.RecordDecisionsAsync(LedgerBatches.Release(DateTimeOffset.UnixEpoch.AddYears(56)), CancellationToken.None);
        }

        await _database.Sealer(_store, batchSize: 5).SealAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 1")]
    [InlineData("DELETE FROM ledger_entries WHERE seq = 1")]
    [InlineData("TRUNCATE ledger_entries")]
    [InlineData("UPDATE ledger_seals SET chain_hash = 'x' WHERE seal_no = 1")]
    [InlineData("DELETE FROM ledger_seals WHERE seal_no = 1")]
    [InlineData("UPDATE ingress_events SET content_hash = 'x'")]
    [InlineData("DELETE FROM outbox_deliveries")]
    [InlineData("UPDATE outbox_deliveries SET body = '{}'")]
    [InlineData("UPDATE outbox_deliveries SET sent_at = now()")]
    [InlineData("DELETE FROM outbox_sent")]
    [InlineData("INSERT INTO ledger_prunes VALUES (1, 1, 1, 'x', 1, now(), now())")]
    [InlineData("UPDATE recalls SET recipient = 'nhs'")]
    [InlineData("DELETE FROM recall_deliveries")]
    [InlineData("UPDATE recall_acknowledgements SET erased = 0")]
    [InlineData("DELETE FROM retracted_events")]
    [InlineData("ALTER TABLE ledger_entries DISABLE TRIGGER ALL")]
    public async Task When_the_runtime_role_tries_to_change_the_ledger_should_be_denied(string sql)
    {
        var ex = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var command = _database.RuntimeSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        });

        ex.SqlState.ShouldBeOneOf(PostgresErrorCodes.InsufficientPrivilege);
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(12, "nothing changed");
    }

    [Fact]
    public async Task When_the_runtime_role_does_its_work_should_record_mark_sent_and_seal()
    {
        var batch = LedgerBatches.Release(DateTimeOffset.UnixEpoch.AddYears(56));

        var result = await _store.RecordDecisionsAsync(batch, CancellationToken.None);
        await _store.MarkSentAsync(result.Pending.Select(p => p.DeliveryId).ToList(), DateTimeOffset.UnixEpoch.AddYears(56), CancellationToken.None);
        var sealing = await _database.Sealer(_store, batchSize: 5).SealAsync(CancellationToken.None);

        result.Pending.Count.ShouldBe(2);
        (await _database.CountAsync("SELECT count(*) FROM outbox_sent")).ShouldBe(2);
        sealing.Head!.LastSequence.ShouldBe(16);
        (await _database.Verifier().VerifyAsync(CancellationToken.None)).RowsVerified.ShouldBe(16);
    }

    [Fact]
    public async Task When_a_table_is_added_to_the_schema_should_be_given_a_runtime_privilege_class()
    {
        await using var command = _database.AdminSource.CreateCommand(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldBe(PostgresRuntimeGrants.AllTables, ignoreOrder: true, "every table is append-only, read-only or updatable for the runtime role (PostgresRuntimeGrants)");
    }

    [Fact]
    public async Task When_append_only_is_required_but_the_router_owns_the_tables_should_refuse_to_start()
    {
        await using var superuser = NpgsqlDataSource.Create(_database.Admin);
        var store = new PostgresLedgerStore(superuser, new PostgresLedgerMigration(superuser, ownerConnectionString: null, requireAppendOnly: true));

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        ex.Message.ShouldContain("may update or delete ledger rows");
    }
}
