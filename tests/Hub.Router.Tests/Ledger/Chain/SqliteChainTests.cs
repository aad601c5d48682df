using Hub.Router.Ledger.Chain;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Tests.Ledger.Chain;

/// <summary>Sealing and verification of the embedded ledger, and the tampering the verifier must name.</summary>
public sealed class SqliteChainTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteChainLedger _ledger = new();

    public Task InitializeAsync() => _ledger.Store.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public async Task When_rows_are_sealed_should_verify_every_row_and_count_later_rows_as_unsealed()
    {
        await _ledger.AppendAsync(20);
        var outcome = await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.AppendAsync(3);

        var result = await _ledger.VerifyAsync();

        (outcome.Seals, outcome.Rows).ShouldBe((4, 20L));
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.SealsVerified, result.RowsVerified, result.UnsealedRows).ShouldBe((4L, 20L, 3L));
        result.Head!.LastSequence.ShouldBe(20);
    }

    [Fact]
    public async Task When_the_background_sealer_and_an_explicit_seal_run_at_once_should_seal_each_row_once_and_fail_neither()
    {
        await _ledger.AppendAsync(200);

        // The embedded run seals at its end while the background sealer may be in a pass: both used to read the same head.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _ledger.Sealer.SealAsync(CancellationToken.None))));
        var result = await _ledger.VerifyAsync();

        outcomes.Sum(o => o.Rows).ShouldBe(200);
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.SealsVerified, result.RowsVerified, result.UnsealedRows).ShouldBe((40L, 200L, 0L));
    }

    [Fact]
    public async Task When_sealing_again_should_chain_the_new_seals_to_the_old_head()
    {
        await _ledger.AppendAsync(7);
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.AppendAsync(4);
        await _ledger.Sealer.SealAsync(CancellationToken.None);

        var seals = await _ledger.Chain.ReadSealsAsync(0, 10, CancellationToken.None);

        seals.Select(s => (s.FirstSequence, s.LastSequence)).ShouldBe([(1L, 5L), (6L, 7L), (8L, 11L)]);
        seals[0].PreviousHash.ShouldBe(LedgerChain.GenesisHash);
        seals[2].PreviousHash.ShouldBe(seals[1].ChainHash);
        (await _ledger.VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_database_triggers_stand_should_refuse_updates_and_deletes()
    {
        await _ledger.AppendAsync(2);

        await Should.ThrowAsync<SqliteException>(() => _ledger.ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 1", dropTriggers: false));
        await Should.ThrowAsync<SqliteException>(() => _ledger.ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 1", dropTriggers: false));
    }

    [Fact]
    public async Task When_a_sealed_row_is_edited_should_report_content_changed_at_its_seal()
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 8");

        ShouldBreakAt(await _ledger.VerifyAsync(), 2, 6, 10, ChainCheck.ContentChanged);
    }

    [Fact]
    public async Task When_a_sealed_row_is_deleted_should_report_row_missing_at_its_seal()
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 13");

        ShouldBreakAt(await _ledger.VerifyAsync(), 3, 11, 15, ChainCheck.RowMissing);
    }

    [Fact]
    public async Task When_two_sealed_rows_swap_places_should_report_order_changed()
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync("UPDATE ledger_entries SET seq = -1 WHERE seq = 7; UPDATE ledger_entries SET seq = 7 WHERE seq = 8; UPDATE ledger_entries SET seq = 8 WHERE seq = -1");

        ShouldBreakAt(await _ledger.VerifyAsync(), 2, 6, 10, ChainCheck.OrderChanged);
    }

    [Fact]
    public async Task When_a_row_is_inserted_into_a_sealed_range_should_report_row_added()
    {
        await _ledger.AppendAsync(20);
        await _ledger.ExecuteAsync("DELETE FROM ledger_entries WHERE seq = 8");
        await _ledger.Sealer.SealAsync(CancellationToken.None);
        await _ledger.ExecuteAsync($"INSERT INTO ledger_entries (seq, entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms) VALUES (8, '{Guid.NewGuid()}', '2026-11-20T10:00:00.0000000+00:00', 'decision', 'allowed', 'probation', '[]', '[]', '[]', '[]')");

        ShouldBreakAt(await _ledger.VerifyAsync(), 2, 6, 11, ChainCheck.RowAdded);
    }

    [Fact]
    public async Task When_a_seal_is_removed_should_report_the_gap_in_seal_numbers()
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync("DELETE FROM ledger_seals WHERE seal_no = 2");

        var result = await _ledger.VerifyAsync();

        result.Break.ShouldBe(new ChainBreak(3, 11, 15, ChainCheck.SealMissing, "expected seal 2 next, found seal 3"));
    }

    [Fact]
    public async Task When_a_seal_hash_is_rewritten_should_report_the_broken_link_after_it()
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync($"UPDATE ledger_seals SET chain_hash = '{new string('a', 64)}' WHERE seal_no = 2");

        var result = await _ledger.VerifyAsync();

        result.Break!.SealNumber.ShouldBe(2, "the rewritten hash no longer matches its own rows");
        result.Break.Check.ShouldBe(ChainCheck.OrderChanged);
    }

    [Theory]
    [InlineData("subject_key_id = 'ffffffffffffffff'")]
    [InlineData("collection_purpose = 'research'")]
    [InlineData("event_facts = '[\"cohortTier=\\\"ppo\\\"\"]'")]
    public async Task When_a_version_3_column_of_a_sealed_row_is_edited_should_report_content_changed(string set)
    {
        await SealedLedgerAsync();
        await _ledger.ExecuteAsync($"UPDATE ledger_entries SET {set} WHERE seq = 8");

        ShouldBreakAt(await _ledger.VerifyAsync(), 2, 6, 10, ChainCheck.ContentChanged);
    }

    [Fact]
    public async Task When_rows_were_sealed_under_version_2_should_still_verify_beside_version_3_seals()
    {
        // A ledger sealed before version 3 keeps verifying: each seal is checked under the version it records.
        await _ledger.AppendAsync(5);
        var rows = await _ledger.Store.ReadAsync(0, 100, CancellationToken.None);
        var header = new LedgerSeal
        {
            Number = 1, FirstSequence = 1, LastSequence = 5, RowCount = 5, EncodingVersion = 2, PreviousHash = LedgerChain.GenesisHash,
            SealedAt = CanonicalWriter.TruncateToMicroseconds(ChainEntries.At), ChainHash = string.Empty, ContentDigest = LedgerChain.ContentDigest(rows, 2),
        };
        await _ledger.Chain.AppendSealAsync(header with { ChainHash = LedgerChain.ChainHash(header, rows) }, CancellationToken.None);
        await _ledger.AppendAsync(5);
        (await _ledger.Sealer.SealAsync(CancellationToken.None)).Seals.ShouldBe(1);

        var result = await _ledger.VerifyAsync();

        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (await _ledger.Chain.ReadSealsAsync(0, 10, CancellationToken.None)).Select(s => s.EncodingVersion).ShouldBe([2, LedgerRowEncoding.CurrentVersion]);
        LedgerRowEncoding.CurrentVersion.ShouldBe(4);
    }

    private static void ShouldBreakAt(ChainVerification result, long seal, long first, long last, ChainCheck check)
    {
        result.Break.ShouldNotBeNull("the tampering must be detected");
        result.Break.ShouldBe(result.Break with { SealNumber = seal, FirstSequence = first, LastSequence = last, Check = check }, result.Break.ToString());
        result.SealsVerified.ShouldBe(seal - 1, "every seal before the first broken one verified");
    }

    private async Task SealedLedgerAsync()
    {
        await _ledger.AppendAsync(20);
        (await _ledger.Sealer.SealAsync(CancellationToken.None)).Seals.ShouldBe(4);
        (await _ledger.VerifyAsync()).IsIntact.ShouldBeTrue();
    }
}
