using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Configuration;
using Hub.Router.Ledger.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// The sealer's safe horizon, made deterministic: a transaction draws a lower seq and stays open while a later row
/// commits. Sealing the visible rows then would leave the lower row to commit inside a sealed range; the sealer
/// must wait instead, and seal both once the transaction ends.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class SafeHorizonTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private LedgerDatabase _database = null!;
    private PostgresLedgerStore _store = null!;
    private PostgresLedgerSealer _sealer = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        _store = await _database.RuntimeStoreAsync();
        var options = Options.Create(new LedgerIntegrityOptions { SealBatchSize = 100, HorizonWait = TimeSpan.FromMilliseconds(300) });
        _sealer = new PostgresLedgerSealer(_database.RuntimeSource, _store, new PostgresChainStore(_database.RuntimeSource), options, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_a_transaction_holding_a_lower_seq_is_open_should_not_seal_past_it()
    {
        await _store.RecordDecisionsAsync(LedgerBatches.Release(At), CancellationToken.None);
        (await _sealer.SealAsync(CancellationToken.None)).Rows.ShouldBe(4);

        await using var open = await _database.RuntimeSource.OpenConnectionAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO ledger_entries (entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms)
            VALUES (gen_random_uuid(), now(), 'rejection', 'rejected', 'police', '{}', '{}', '{forged-source}', '{}')
            """, open, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await _store.RecordDecisionsAsync(LedgerBatches.Release(At), CancellationToken.None);
        var whileOpen = await _sealer.SealAsync(CancellationToken.None);
        await transaction.CommitAsync();
        var afterCommit = await _sealer.SealAsync(CancellationToken.None);
        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

        whileOpen.Rows.ShouldBe(0, "rows 6-9 committed, but seq 5 may still commit below them");
        whileOpen.Deferred.ShouldNotBeNull();
        afterCommit.Rows.ShouldBe(5);
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
        (result.RowsVerified, result.UnsealedRows).ShouldBe((9L, 0L));
    }

    [Fact]
    public async Task When_the_open_transaction_took_an_xid_above_every_completed_one_should_not_seal_past_it()
    {
        // First holds the lower xid; second takes a higher one and draws seq s; first then draws s+1 and commits.
        // The latest completed xid is now first's, so a snapshot's xmax is at or below second's xid, which is open.
        await using var first = await _database.RuntimeSource.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await ExecuteAsync(first, firstTransaction, "SELECT pg_current_xact_id()");
        await using var second = await _database.RuntimeSource.OpenConnectionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();
        await ExecuteAsync(second, secondTransaction, RejectionInsert);
        await ExecuteAsync(first, firstTransaction, RejectionInsert);
        await firstTransaction.CommitAsync();

        var whileOpen = await _sealer.SealAsync(CancellationToken.None);
        await secondTransaction.CommitAsync();
        var afterCommit = await _sealer.SealAsync(CancellationToken.None);
        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

        whileOpen.Rows.ShouldBe(0, "seq 1 is held by an open transaction whose xid is above every completed one");
        afterCommit.Rows.ShouldBe(2);
        result.IsIntact.ShouldBeTrue(result.Break?.ToString());
    }

    private const string RejectionInsert = """
        INSERT INTO ledger_entries (entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms)
        VALUES (gen_random_uuid(), now(), 'rejection', 'rejected', 'police', '{}', '{}', '{forged-source}', '{}')
        """;

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task When_a_transaction_that_drew_a_seq_rolls_back_should_seal_across_the_gap()
    {
        await using (var open = await _database.RuntimeSource.OpenConnectionAsync())
        await using (var transaction = await open.BeginTransactionAsync())
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO ledger_entries (entry_id, recorded_at, kind, outcome, source, released_fields, withheld_fields, reasons, subject_pseudonyms) VALUES (gen_random_uuid(), now(), 'rejection', 'rejected', 'police', '{}', '{}', '{}', '{}')",
                open,
                transaction);
            await insert.ExecuteNonQueryAsync();
            await _store.RecordDecisionsAsync(LedgerBatches.Release(At), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var outcome = await _sealer.SealAsync(CancellationToken.None);

        (outcome.Rows, outcome.Head!.FirstSequence, outcome.Head.LastSequence).ShouldBe((4L, 2L, 5L));
        (await _database.Verifier().VerifyAsync(CancellationToken.None)).IsIntact.ShouldBeTrue();
    }
}
