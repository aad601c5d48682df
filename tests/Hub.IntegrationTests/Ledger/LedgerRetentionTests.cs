using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// Retention (docs/adr/0008): the owner prunes whole sealed batches older than the cutoff and a pruning record carries
/// the last pruned seal's hash forward, so the rest still verifies and later tampering is still caught.
/// Layout: 5 decisions of 4 rows, the first 3 recorded 400 days ago; seals of 4 rows, so seals 1-3 are old.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class LedgerRetentionTests(ServersFixture servers) : IAsyncLifetime
{
    private LedgerDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        var store = await _database.RuntimeStoreAsync();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await store.RecordDecisionsAsync(LedgerBatches.Release(i < 3 ? now.AddDays(-400) : now), CancellationToken.None);
        }

        (await _database.Sealer(store, batchSize: 4).SealAsync(CancellationToken.None)).Seals.ShouldBe(5);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_pruned_by_the_command_should_delete_the_old_batches_and_still_verify()
    {
        var (exitCode, output, errors) = await HubCli.RunAsync("audit", "prune", "--postgres", _database.Admin, "--retention-days", "100");
        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("Pruned 12 row(s) recorded before ");
        output.ShouldContain("seals up to 3 (seq up to 12)");
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(8);
        (await _database.CountAsync("SELECT min(seq) FROM ledger_entries")).ShouldBe(13);
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.Anchor!.ThroughSeal, result.SealsVerified, result.RowsVerified).ShouldBe((3L, 2L, 8L));
    }

    [Fact]
    public async Task When_tampered_after_pruning_should_still_be_caught()
    {
        await PruneAsAdminAsync();
        await _database.AsAdminAsync("UPDATE ledger_entries SET outcome = 'allowed' WHERE seq = 19");

        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

        result.Break.ShouldNotBeNull();
        (result.Break.SealNumber, result.Break.Check).ShouldBe((5L, ChainCheck.ContentChanged));
    }

    [Fact]
    public async Task When_the_pruning_record_is_removed_should_report_the_pruned_rows_missing()
    {
        await PruneAsAdminAsync();
        await _database.AsAdminAsync("DELETE FROM ledger_prunes");

        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

        result.Break.ShouldNotBeNull();
        (result.Break.SealNumber, result.Break.Check).ShouldBe((1L, ChainCheck.RowMissing));
    }

    [Fact]
    public async Task When_the_runtime_role_tries_to_prune_should_be_denied_and_delete_nothing()
    {
        var pruner = new LedgerPruner(new PostgresLedgerStore(_database.RuntimeSource), new PostgresChainStore(_database.RuntimeSource), TimeProvider.System);

        var ex = await Should.ThrowAsync<PostgresException>(() => pruner.PruneAsync(TimeProvider.System.GetUtcNow().AddDays(-100), CancellationToken.None));

        ex.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(20);
    }

    private async Task PruneAsAdminAsync()
    {
        var pruner = new LedgerPruner(new PostgresLedgerStore(_database.AdminSource), new PostgresChainStore(_database.AdminSource), TimeProvider.System);
        var outcome = await pruner.PruneAsync(TimeProvider.System.GetUtcNow().AddDays(-100), CancellationToken.None);
        outcome.Record!.ThroughSeal.ShouldBe(3);
    }
}
