using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Hosting;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Retention;
using Hub.Router.Ledger.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// Outbox and ingress-register retention (docs/adr/0031) on both stores, the same statements. Layout: an event 40 days
/// old whose two deliveries were sent, one 40 days old whose two deliveries were never sent, and a sent one of today;
/// the cutoff is 30 days back.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class OutboxRetentionTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);
    private LedgerDatabase _database = null!;

    public async Task InitializeAsync() => _database = await LedgerDatabase.CreateAsync(servers);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_pruned_by_the_owner_should_delete_old_sent_deliveries_and_their_registrations_and_keep_the_unsent()
    {
        var store = await _database.RuntimeStoreAsync();
        var (sentOld, unsentOld, sentNew) = await RecordAsync(store);

        var result = await new PostgresOutboxRetention(_database.AdminSource).PruneAsync(Cutoff, CancellationToken.None);

        result.ShouldBe(new OutboxPruneResult(DeliveriesPruned: 2, RegistrationsPruned: 1, UnsentKept: 2));
        (await store.OutboxForEventAsync(sentOld.EventId, CancellationToken.None)).ShouldBeEmpty();
        (await store.OutboxForEventAsync(unsentOld.EventId, CancellationToken.None)).Count.ShouldBe(2);
        (await store.OutboxForEventAsync(sentNew.EventId, CancellationToken.None)).ShouldAllBe(d => d.SentAt != null);
        (await _database.CountAsync("SELECT count(*) FROM outbox_sent")).ShouldBe(2);
        (await _database.CountAsync($"SELECT count(*) FROM ingress_events WHERE event_id = '{sentOld.EventId}'")).ShouldBe(0);
        (await _database.CountAsync("SELECT count(*) FROM ingress_events")).ShouldBe(2);
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(12, "the ledger is pruned by its own retention, by whole sealed batches");
    }

    [Fact]
    public async Task When_the_runtime_role_tries_to_prune_the_outbox_should_be_denied_and_delete_nothing()
    {
        var store = await _database.RuntimeStoreAsync();
        await RecordAsync(store);

        var ex = await Should.ThrowAsync<PostgresException>(() => new PostgresOutboxRetention(_database.RuntimeSource).PruneAsync(Cutoff, CancellationToken.None));

        ex.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await _database.CountAsync("SELECT count(*) FROM outbox_deliveries")).ShouldBe(6);
        (await _database.CountAsync("SELECT count(*) FROM ingress_events")).ShouldBe(3);
    }

    [Fact]
    public async Task When_pruned_twice_should_find_nothing_more_the_second_time()
    {
        await RecordAsync(await _database.RuntimeStoreAsync());
        var retention = new PostgresOutboxRetention(_database.AdminSource);
        await retention.PruneAsync(Cutoff, CancellationToken.None);

        (await retention.PruneAsync(Cutoff, CancellationToken.None)).ShouldBe(new OutboxPruneResult(0, 0, 2));
    }

    [Fact]
    public async Task When_run_as_the_router_images_prune_outbox_job_should_prune_and_report_counts_only()
    {
        await RecordAsync(await _database.RuntimeStoreAsync());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LedgerAdmin"] = _database.Admin,
            ["Ledger:OutboxRetention"] = "30.00:00:00",
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RouterOutboxRetention.RunAsync(configuration, TimeProvider.System, output, error);

        exitCode.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("Outbox pruned: 2 sent delivery body(ies) and 1 ingress registration(s) from before ");
        output.ToString().ShouldContain("Kept 2 delivery(ies) from before ");
        (await _database.CountAsync("SELECT count(*) FROM outbox_deliveries")).ShouldBe(4);
    }

    [Theory]
    [InlineData(null, "30.00:00:00", "needs ConnectionStrings:LedgerAdmin")]
    [InlineData("Host=localhost", "12:00:00", "at least a day")]
    [InlineData("Host=localhost", "thirty days", "at least a day")]
    public async Task When_the_prune_outbox_job_is_misconfigured_should_say_what_to_set_and_exit_2(string? owner, string retention, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LedgerAdmin"] = owner,
            ["Ledger:OutboxRetention"] = retention,
        }).Build();
        using var error = new StringWriter();

        (await RouterOutboxRetention.RunAsync(configuration, TimeProvider.System, TextWriter.Null, error)).ShouldBe(2);
        error.ToString().ShouldContain(expected);
    }

    [Fact]
    public async Task When_the_embedded_ledger_is_pruned_should_delete_and_keep_the_same_rows()
    {
        var directory = Directory.CreateTempSubdirectory("agencyhub-outbox-retention-");
        try
        {
            var path = Path.Combine(directory.FullName, "ledger.db");
            using var store = new SqliteLedgerStore(path);
            await store.InitializeAsync(CancellationToken.None);
            var (sentOld, unsentOld, sentNew) = await RecordAsync(store);

            var result = await new SqliteOutboxRetention(path).PruneAsync(Cutoff, CancellationToken.None);

            result.ShouldBe(new OutboxPruneResult(DeliveriesPruned: 2, RegistrationsPruned: 1, UnsentKept: 2));
            (await store.OutboxForEventAsync(sentOld.EventId, CancellationToken.None)).ShouldBeEmpty();
            (await store.OutboxForEventAsync(unsentOld.EventId, CancellationToken.None)).Count.ShouldBe(2);
            (await store.OutboxForEventAsync(sentNew.EventId, CancellationToken.None)).Count.ShouldBe(2);
            (await store.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(12);
            (await new SqliteOutboxRetention(path).PruneAsync(Cutoff, CancellationToken.None)).ShouldBe(new OutboxPruneResult(0, 0, 2));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(DecisionBatch SentOld, DecisionBatch UnsentOld, DecisionBatch SentNew)> RecordAsync(ILedgerStore store)
    {
        var sentOld = LedgerBatches.Release(Now.AddDays(-40));
        var unsentOld = LedgerBatches.Release(Now.AddDays(-40));
        var sentNew = LedgerBatches.Release(Now);
        foreach (var batch in new[] { sentOld, unsentOld, sentNew })
        {
            await store.RecordDecisionsAsync(batch, CancellationToken.None);
        }

        await store.MarkSentAsync([.. sentOld.Deliveries.Select(d => d.DeliveryId)], Now.AddDays(-40), CancellationToken.None);
        await store.MarkSentAsync([.. sentNew.Deliveries.Select(d => d.DeliveryId)], Now, CancellationToken.None);
        return (sentOld, unsentOld, sentNew);
    }
}
