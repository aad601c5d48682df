using Hub.Router.Ledger.Chain;

namespace Hub.Router.Tests.Ledger.Chain;

/// <summary>Retention on the embedded ledger: whole old seals pruned, the chain verified from the carried-forward hash.</summary>
public sealed class SqlitePruneTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteChainLedger _ledger = new();

    public Task InitializeAsync() => _ledger.Store.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public async Task When_old_batches_are_pruned_should_verify_the_rest_from_the_carried_forward_hash()
    {
        var old = ChainEntries.At.AddDays(-400);
        await _ledger.AppendAsync(10, old);
        await _ledger.AppendAsync(10);
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        var seals = await _ledger.Chain.ReadSealsAsync(0, 10, CancellationToken.None);

        var outcome = await _ledger.Pruner().PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);
        var result = await _ledger.VerifyAsync();

        outcome.Record.ShouldNotBeNull();
        (outcome.Record.ThroughSeal, outcome.Record.ThroughSequence, outcome.Record.RowsPruned, outcome.Record.AnchorHash).ShouldBe((2L, 10L, 10L, seals[1].ChainHash));
        (await _ledger.Store.ReadAsync(0, 100, CancellationToken.None)).Select(e => e.Sequence).ShouldBe(Enumerable.Range(11, 10).Select(i => (long)i));
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.SealsVerified, result.RowsVerified, result.Anchor!.Number).ShouldBe((2L, 10L, 1L));
    }

    [Fact]
    public async Task When_a_row_is_tampered_after_pruning_should_still_report_it()
    {
        await _ledger.AppendAsync(10, ChainEntries.At.AddDays(-400));
        await _ledger.AppendAsync(10);
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.Pruner().PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);

        await _ledger.ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 17");

        var result = await _ledger.VerifyAsync();

        result.Break.ShouldBe(new ChainBreak(4, 16, 20, ChainCheck.ContentChanged, "a row's content differs from what was sealed"));
        result.SealsVerified.ShouldBe(1, "seal 3 verified from the carried-forward hash");
    }

    [Fact]
    public async Task When_a_pruned_row_is_put_back_should_report_row_added_in_the_pruned_range()
    {
        await _ledger.AppendAsync(10, ChainEntries.At.AddDays(-400));
        await _ledger.AppendAsync(5);
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.Pruner().PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);
        await _ledger.ExecuteAsync($"INSERT INTO ledger_entries (seq, entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms) VALUES (3, '{Guid.NewGuid()}', '2025-01-01T00:00:00.0000000+00:00', 'decision', 'allowed', 'probation', '[]', '[]', '[]', '[]')");

        var result = await _ledger.VerifyAsync();

        result.Break.ShouldNotBeNull();
        (result.Break.SealNumber, result.Break.Check).ShouldBe((2L, ChainCheck.RowAdded));
    }

    [Fact]
    public async Task When_the_chain_is_broken_should_refuse_to_prune()
    {
        await _ledger.AppendAsync(10, ChainEntries.At.AddDays(-400));
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.ExecuteAsync("UPDATE ledger_entries SET outcome = 'denied' WHERE seq = 2");

        var outcome = await _ledger.Pruner().PruneAsync(ChainEntries.At, CancellationToken.None);

        outcome.Record.ShouldBeNull();
        outcome.Verification.Break!.Check.ShouldBe(ChainCheck.ContentChanged);
        (await _ledger.Store.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(10, "nothing deleted");
    }

    [Fact]
    public async Task When_nothing_is_older_than_the_cutoff_should_prune_nothing()
    {
        await _ledger.AppendAsync(10);
        await _ledger.Sealer.SealAsync(CancellationToken.None);

        var outcome = await _ledger.Pruner().PruneAsync(ChainEntries.At.AddDays(-1), CancellationToken.None);

        outcome.Record.ShouldBeNull();
        (await _ledger.Store.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(10);
    }
}
