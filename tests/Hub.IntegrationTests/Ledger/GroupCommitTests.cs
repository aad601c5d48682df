using System.Diagnostics.Metrics;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// The router's group commit on Postgres (issue 11): many events in one transaction, idempotent inside a group,
/// across groups and across routers, without deadlocks, and a poison event failing alone.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class GroupCommitTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private LedgerDatabase _database = null!;
    private PostgresLedgerStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        _store = await _database.RuntimeStoreAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_a_group_holds_copies_of_one_event_and_a_redelivered_one_should_write_each_once()
    {
        var earlier = LedgerBatches.Release(At);
        var first = await _store.RecordDecisionsAsync(earlier, CancellationToken.None);
        var copy = LedgerBatches.Release(At);

        var results = await _store.RecordGroupAsync(
            [copy, earlier, copy with { }, LedgerBatches.Release(At)], [new SentMark(first.Pending[0].DeliveryId, At)], CancellationToken.None);

        (results[0].AlreadyRecorded, results[0].Pending.Count).ShouldBe((false, 2));
        (results[1].AlreadyRecorded, results[1].Pending.Count).ShouldBe((true, 1), "the mark in the same group is committed before the unsent deliveries are read");
        (results[2].AlreadyRecorded, results[2].Conflict, results[2].Pending.Count).ShouldBe((true, false, 0));
        (results[3].AlreadyRecorded, results[3].Pending.Count).ShouldBe((false, 2));
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(12, "three events, four candidate recipients each");
        (await _database.CountAsync("SELECT count(*) FROM outbox_deliveries")).ShouldBe(6);
        (await _database.CountAsync("SELECT count(*) FROM ingress_events")).ShouldBe(3);
    }

    [Fact]
    public async Task When_two_routers_commit_overlapping_groups_in_opposite_orders_should_neither_deadlock_nor_duplicate()
    {
        var events = Enumerable.Range(0, 60).Select(_ => LedgerBatches.Release(At)).ToList();
        var other = new PostgresLedgerStore(NpgsqlDataSource.Create(_database.Runtime));
        var groups = events.Chunk(20).ToList();

        var forward = Task.Run(async () => (await Task.WhenAll(groups.Select(g => _store.RecordGroupAsync(g, [], CancellationToken.None)))).SelectMany(r => r).ToList());
        var backward = Task.Run(async () => (await Task.WhenAll(groups.Select(g => other.RecordGroupAsync([.. g.Reverse()], [], CancellationToken.None)))).SelectMany(r => r).ToList());
        var results = (await forward).Concat(await backward).ToList();

        results.Count(r => !r.AlreadyRecorded).ShouldBe(60, "each event is new to exactly one of the two routers");
        results.ShouldAllBe(r => !r.Conflict);
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(240);
        (await _database.CountAsync("SELECT count(*) FROM outbox_deliveries")).ShouldBe(120);
    }

    [Fact]
    public async Task When_one_event_in_a_group_cannot_be_stored_should_fail_it_alone_and_commit_the_others()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RouterMetrics(services.GetRequiredService<IMeterFactory>());
        await using var writer = new LedgerGroupWriter(_store, Options.Create(new RouterOptions()), metrics);
        var good = Enumerable.Range(0, 30).Select(_ => LedgerBatches.Release(At)).ToList();
        var poisonBatch = LedgerBatches.Release(At);
        var poison = poisonBatch with { Entries = [.. poisonBatch.Entries.Select(e => e with { Reasons = ["a reason with a NUL \0 that Postgres text refuses"] })] };

        var submitted = good.Take(15).Append(poison).Concat(good.Skip(15)).Select(b => writer.RecordAsync(b, CancellationToken.None)).ToList();
        var poisoned = submitted[15];
        await Should.ThrowAsync<PostgresException>(() => poisoned);
        var results = await Task.WhenAll(submitted.Where(t => t != poisoned));

        results.ShouldAllBe(r => !r.AlreadyRecorded && r.Pending.Count == 2);
        (await _database.CountAsync("SELECT count(*) FROM ingress_events")).ShouldBe(30);
        (await _database.CountAsync($"SELECT count(*) FROM ledger_entries WHERE event_id = '{poison.EventId}'")).ShouldBe(0);
    }
}
