using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Reading.Sqlite;
using Hub.Router.Tests.Ledger.Chain;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Tests.Ledger.Reading;

/// <summary>
/// The embedded ledger's audit reads: the subject side table the triggers keep (in the inserting transaction, backfilled
/// once for older files, emptied with pruned rows), the look-up through it, and the forward-only row stream.
/// </summary>
public sealed class SqliteLedgerReaderTests : IDisposable
{
    private const string Alice = "nhs:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Bob = "pnc:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private readonly SqliteChainLedger _ledger = new();

    [Fact]
    public async Task When_rows_are_recorded_should_find_a_subjects_decisions_through_the_side_table()
    {
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await AppendAsync(i => i % 3 == 0 ? [Alice, "local.police:x"] : i % 3 == 1 ? [Bob] : []);

        var rows = await Reader().SubjectDecisionsAsync([Alice], CancellationToken.None);
        var plan = await PlanAsync(SqliteLedgerQueries.SubjectDecisions, """["nhs:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]""");

        rows.Select(r => r.Sequence).ShouldBe([1L, 4, 7, 10]);
        (await CountAsync("SELECT count(*) FROM ledger_subjects")).ShouldBe(11, "one entry per pseudonym: 4 rows with two, 3 with one, 3 with none");
        plan.ShouldContain("SEARCH s USING PRIMARY KEY (pseudonym=?)", string.Join(" | ", plan)); // s is ledger_subjects
        plan.ShouldContain("SEARCH ledger_entries USING INTEGER PRIMARY KEY (rowid=?)", string.Join(" | ", plan));
        plan.ShouldNotContain(p => p.StartsWith("SCAN ledger_entries", StringComparison.Ordinal), string.Join(" | ", plan));
    }

    [Fact]
    public async Task When_the_file_predates_the_side_table_should_fill_it_once_at_start()
    {
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await AppendAsync(i => i % 2 == 0 ? [Alice] : [Bob, Alice]);
        await _ledger.ExecuteAsync("DROP TRIGGER ledger_subjects_insert; DROP TRIGGER ledger_subjects_delete; DROP TABLE ledger_subjects;", dropTriggers: false);

        await _ledger.Store.InitializeAsync(CancellationToken.None);

        (await CountAsync("SELECT count(*) FROM ledger_subjects")).ShouldBe(15);
        (await Reader().SubjectDecisionsAsync([Bob], CancellationToken.None)).Count.ShouldBe(5);
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        (await CountAsync("SELECT count(*) FROM ledger_subjects")).ShouldBe(15, "a second start adds nothing");
    }

    [Fact]
    public async Task When_sealed_rows_are_pruned_should_drop_their_side_table_entries()
    {
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await AppendAsync(_ => [Alice], ChainEntries.At.AddDays(-400));
        await _ledger.Sealer.SealAsync(CancellationToken.None);

        var outcome = await _ledger.Pruner().PruneAsync(ChainEntries.At.AddDays(-100), CancellationToken.None);

        outcome.Record!.RowsPruned.ShouldBe(10);
        (await CountAsync("SELECT count(*) FROM ledger_subjects")).ShouldBe(0);
    }

    [Fact]
    public async Task When_streamed_should_yield_every_row_in_seq_order_as_the_store_reads_it()
    {
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await AppendAsync(i => [Alice]);

        var streamed = new List<LedgerEntry>();
        await foreach (var row in Reader().RowsAfterAsync(2, CancellationToken.None))
        {
            streamed.Add(row);
        }

        var paged = await _ledger.Store.ReadAsync(2, 100, CancellationToken.None);
        streamed.Select(r => Convert.ToHexString(LedgerRowEncoding.EncodeRow(r))).ShouldBe(paged.Select(r => Convert.ToHexString(LedgerRowEncoding.EncodeRow(r))));
        streamed.Count.ShouldBe(8);
    }

    public void Dispose() => _ledger.Dispose();

    private SqliteLedgerReader Reader() => new(_ledger.LedgerPath);

    private async Task AppendAsync(Func<int, string[]> pseudonyms, DateTimeOffset? at = null)
    {
        for (var i = 0; i < 10; i++)
        {
            await _ledger.Store.RecordRejectionAsync(ChainEntries.Decision(i, at) with { SubjectPseudonyms = pseudonyms(i) }, CancellationToken.None);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> PlanAsync(string sql, string pseudonyms)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$pseudonyms", pseudonyms);
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _ledger.LedgerPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
