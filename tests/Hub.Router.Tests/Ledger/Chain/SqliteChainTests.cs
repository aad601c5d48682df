using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Ledger.Chain;

/// <summary>Sealing, verification and pruning on the embedded ledger, and tampering the verifier must name.</summary>
public sealed class SqliteChainTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agencyhub-chain-").FullName;
    private readonly SqliteLedgerStore _store;
    private readonly SqliteChainStore _chain;
    private readonly SqliteLedgerSealer _sealer;

    public SqliteChainTests()
    {
        _store = new SqliteLedgerStore(LedgerPath);
        _chain = new SqliteChainStore(LedgerPath);
        _sealer = new SqliteLedgerSealer(_store, _chain, Options.Create(new LedgerIntegrityOptions { SealBatchSize = 5 }), TimeProvider.System);
    }

    private string LedgerPath => Path.Combine(_directory, "ledger.db");

    public Task InitializeAsync() => _store.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }

    [Fact]
    public async Task When_rows_are_sealed_should_verify_every_row_and_count_later_rows_as_unsealed()
    {
        await AppendAsync(20);
        var outcome = await _sealer.SealAsync(CancellationToken.None);
        await AppendAsync(3);

        var result = await VerifyAsync();

        (outcome.Seals, outcome.Rows).ShouldBe((4, 20L));
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.SealsVerified, result.RowsVerified, result.UnsealedRows).ShouldBe((4L, 20L, 3L));
        result.Head!.LastSequence.ShouldBe(20);
    }

    [Fact]
    public async Task When_sealing_again_should_chain_the_new_seals_to_the_old_head()
    {
        await AppendAsync(7);
        await _sealer.SealAsync(CancellationToken.None);
        await AppendAsync(4);
        await _sealer.SealAsync(CancellationToken.None);

        var seals = await _chain.ReadSealsAsync(0, 10, CancellationToken.None);

        seals.Select(s => (s.FirstSequence, s.LastSequence)).ShouldBe([(1L, 5L), (6L, 7L), (8L, 11L)]);
        seals[0].PreviousHash.ShouldBe(LedgerChain.GenesisHash);
        seals[2].PreviousHash.ShouldBe(seals[1].ChainHash);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_database_triggers_stand_should_refuse_updates_and_deletes()
    {
        await AppendAsync(2);

        await Should.ThrowAsync<SqliteException>(() => ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 1", dropTriggers: false));
        await Should.ThrowAsync<SqliteException>(() => ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 1", dropTriggers: false));
    }

    [Fact]
    public async Task When_a_sealed_row_is_edited_should_report_content_changed_at_its_seal()
    {
        await SealedLedgerAsync();
        await ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 8");

        ShouldBreakAt(await VerifyAsync(), 2, 6, 10, ChainCheck.ContentChanged);
    }

    [Fact]
    public async Task When_a_sealed_row_is_deleted_should_report_row_missing_at_its_seal()
    {
        await SealedLedgerAsync();
        await ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 13");

        ShouldBreakAt(await VerifyAsync(), 3, 11, 15, ChainCheck.RowMissing);
    }

    [Fact]
    public async Task When_two_sealed_rows_swap_places_should_report_order_changed()
    {
        await SealedLedgerAsync();
        await ExecuteAsync("UPDATE ledger_entries SET seq = -1 WHERE seq = 7; UPDATE ledger_entries SET seq = 7 WHERE seq = 8; UPDATE ledger_entries SET seq = 8 WHERE seq = -1");

        ShouldBreakAt(await VerifyAsync(), 2, 6, 10, ChainCheck.OrderChanged);
    }

    [Fact]
    public async Task When_a_row_is_inserted_into_a_sealed_range_should_report_row_added()
    {
        await AppendAsync(20);
        await ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 8");
        await _sealer.SealAsync(CancellationToken.None);
        await ExecuteAsync($"INSERT INTO ledger_entries (seq, entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms) VALUES (8, '{Guid.NewGuid()}', '2026-11-20T10:00:00.0000000+00:00', 'decision', 'allowed', 'probation', '[]', '[]', '[]', '[]')");

        ShouldBreakAt(await VerifyAsync(), 2, 6, 11, ChainCheck.RowAdded);
    }

    [Fact]
    public async Task When_a_seal_is_removed_should_report_the_gap_in_seal_numbers()
    {
        await SealedLedgerAsync();
        await ExecuteAsync("DELETE FROM ledger_seals WHERE seal_no = 2");

        var result = await VerifyAsync();

        result.Break.ShouldBe(new ChainBreak(3, 11, 15, ChainCheck.SealMissing, "expected seal 2 next, found seal 3"));
    }

    [Fact]
    public async Task When_a_seal_hash_is_rewritten_should_report_the_broken_link_after_it()
    {
        await SealedLedgerAsync();
        await ExecuteAsync($"UPDATE ledger_seals SET chain_hash = '{new string('a', 64)}' WHERE seal_no = 2");

        var result = await VerifyAsync();

        result.Break!.SealNumber.ShouldBe(2, "the rewritten hash no longer matches its own rows");
        result.Break.Check.ShouldBe(ChainCheck.OrderChanged);
    }

    [Fact]
    public async Task When_old_batches_are_pruned_should_verify_the_rest_from_the_carried_forward_hash()
    {
        var old = ChainEntries.At.AddDays(-400);
        await AppendAsync(10, old);
        await AppendAsync(10);
        await _sealer.SealAsync(CancellationToken.None);
        var seals = await _chain.ReadSealsAsync(0, 10, CancellationToken.None);

        var outcome = await new LedgerPruner(_store, _chain, TimeProvider.System).PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);
        var result = await VerifyAsync();

        outcome.Record.ShouldNotBeNull();
        (outcome.Record.ThroughSeal, outcome.Record.ThroughSequence, outcome.Record.RowsPruned, outcome.Record.AnchorHash).ShouldBe((2L, 10L, 10L, seals[1].ChainHash));
        (await _store.ReadAsync(0, 100, CancellationToken.None)).Select(e => e.Sequence).ShouldBe(Enumerable.Range(11, 10).Select(i => (long)i));
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.SealsVerified, result.RowsVerified, result.Anchor!.Number).ShouldBe((2L, 10L, 1L));
    }

    [Fact]
    public async Task When_a_row_is_tampered_after_pruning_should_still_report_it()
    {
        await AppendAsync(10, ChainEntries.At.AddDays(-400));
        await AppendAsync(10);
        await _sealer.SealAsync(CancellationToken.None);
        await new LedgerPruner(_store, _chain, TimeProvider.System).PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);

        await ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 17");

        var result = await VerifyAsync();

        result.Break.ShouldBe(new ChainBreak(4, 16, 20, ChainCheck.ContentChanged, "a row's content differs from what was sealed"));
        result.SealsVerified.ShouldBe(1, "seal 3 verified from the carried-forward hash");
    }

    [Fact]
    public async Task When_a_pruned_row_is_put_back_should_report_row_added_in_the_pruned_range()
    {
        await AppendAsync(10, ChainEntries.At.AddDays(-400));
        await AppendAsync(5);
        await _sealer.SealAsync(CancellationToken.None);
        await new LedgerPruner(_store, _chain, TimeProvider.System).PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);
        await ExecuteAsync($"INSERT INTO ledger_entries (seq, entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms) VALUES (3, '{Guid.NewGuid()}', '2025-01-01T00:00:00.0000000+00:00', 'decision', 'allowed', 'probation', '[]', '[]', '[]', '[]')");

        var result = await VerifyAsync();

        result.Break.ShouldNotBeNull();
        (result.Break.SealNumber, result.Break.Check).ShouldBe((2L, ChainCheck.RowAdded));
    }

    [Fact]
    public async Task When_the_chain_is_broken_should_refuse_to_prune()
    {
        await AppendAsync(10, ChainEntries.At.AddDays(-400));
        await _sealer.SealAsync(CancellationToken.None);
        await ExecuteAsync("UPDATE ledger_entries SET outcome = 'denied' WHERE seq = 2");

        var outcome = await new LedgerPruner(_store, _chain, TimeProvider.System).PruneAsync(ChainEntries.At, CancellationToken.None);

        outcome.Record.ShouldBeNull();
        outcome.Verification.Break!.Check.ShouldBe(ChainCheck.ContentChanged);
        (await _store.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(10, "nothing deleted");
    }

    [Fact]
    public async Task When_nothing_is_older_than_the_cutoff_should_prune_nothing()
    {
        await AppendAsync(10);
        await _sealer.SealAsync(CancellationToken.None);

        var outcome = await new LedgerPruner(_store, _chain, TimeProvider.System).PruneAsync(ChainEntries.At.AddDays(-1), CancellationToken.None);

        outcome.Record.ShouldBeNull();
        (await _store.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(10);
    }

    private static void ShouldBreakAt(ChainVerification result, long seal, long first, long last, ChainCheck check)
    {
        result.Break.ShouldNotBeNull("the tampering must be detected");
        result.Break.ShouldBe(result.Break with { SealNumber = seal, FirstSequence = first, LastSequence = last, Check = check }, result.Break.ToString());
        result.SealsVerified.ShouldBe(seal - 1, "every seal before the first broken one verified");
    }

    private async Task SealedLedgerAsync()
    {
        await AppendAsync(20);
        (await _sealer.SealAsync(CancellationToken.None)).Seals.ShouldBe(4);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    private async Task AppendAsync(int count, DateTimeOffset? recordedAt = null)
    {
        for (var i = 0; i < count; i++)
        {
            await _store.RecordRejectionAsync(ChainEntries.Decision(i, recordedAt), CancellationToken.None);
        }
    }

    private Task<ChainVerification> VerifyAsync() => new LedgerVerifier(_store, _chain).VerifyAsync(CancellationToken.None);

    /// <summary>Tampering as someone with the file would: the triggers are no obstacle to them.</summary>
    private async Task ExecuteAsync(string sql, bool dropTriggers = true)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (dropTriggers
            ? "DROP TRIGGER IF EXISTS ledger_entries_no_update; DROP TRIGGER IF EXISTS ledger_entries_prune_only; DROP TRIGGER IF EXISTS ledger_seals_no_update; DROP TRIGGER IF EXISTS ledger_seals_no_delete; "
            : string.Empty) + sql;
        await command.ExecuteNonQueryAsync();
    }
}
