using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

public sealed class DropFileProcessorTests
{
    private static string Csv(params string[] rows) => string.Join("\n", [ReleaseFields.Header, .. rows]) + "\n";

    [Fact]
    public async Task When_a_file_is_larger_than_the_limit_should_quarantine_it_whole_by_its_length_without_reading_it()
    {
        await using var host = await SourceTestHost.StartAsync(configure: o => o.MaxFileBytes = 1024);
        var path = Path.Combine(host.Layout.Inbox, "huge.csv");

        // A sparse 64 GiB file: reading it, even to hash it, would take far longer than the time allowed below.
        await using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(64L * 1024 * 1024 * 1024);
        }

        try
        {
            using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var report = await host.Processor.ProcessAsync("huge.csv", quickly.Token);

            report.FileProblem.ShouldBe("huge.csv, the file is larger than Adapter:Sources:DropFolder:MaxFileBytes");
            report.ContentSha256.ShouldBeNull("the file was never read, so it was never hashed");
            report.Rows.ShouldBe(0);
            host.SentEventIds().ShouldBeEmpty();
            File.Exists(Path.Combine(host.Layout.Quarantine, "huge.csv")).ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.Combine(host.Layout.Quarantine, "huge.csv"));
        }
    }

    [Fact]
    public async Task When_a_file_grew_past_the_limit_after_its_length_was_checked_should_stop_reading_at_the_limit()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("agencyhub-utf8-").FullName, "grown.csv");
        await File.WriteAllTextAsync(path, new string('a', 200_000));

        var (_, problem) = await Hub.Adapters.Core.Sources.DropFolder.Reading.Utf8FileCheck.RunAsync(path, maxBytes: 100_000, CancellationToken.None);

        problem.ShouldBe("the file is larger than Adapter:Sources:DropFolder:MaxFileBytes");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task When_every_row_is_valid_should_publish_each_in_order_report_and_move_the_file_to_done()
    {
        await using var host = await SourceTestHost.StartAsync();
        var content = Csv(ReleaseFields.Row(1), ReleaseFields.Row(2), ReleaseFields.Row(3));
        await host.DropAsync("releases.csv", content);

        var report = await host.Processor.ProcessAsync("releases.csv", CancellationToken.None);

        report.Rows.ShouldBe(3);
        report.Published.ShouldBe(3);
        report.Quarantined.ShouldBeEmpty();
        var hash = SourceEventIds.Sha256(System.Text.Encoding.UTF8.GetBytes(content));
        host.SentEventIds().ShouldBe([.. Enumerable.Range(1, 3).Select(r => SourceEventIds.ForFileRow(AgencyCode.Probation, hash, r))]);
        File.Exists(Path.Combine(host.Layout.Done, "releases.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(host.Layout.Inbox, "releases.csv")).ShouldBeFalse();
        File.Exists(host.Layout.Checkpoint("releases.csv")).ShouldBeFalse();
        File.Exists(host.Layout.Report("releases.csv")).ShouldBeTrue();
    }

    [Fact]
    public async Task When_rows_are_bad_should_quarantine_them_with_reasons_naming_fields_never_values()
    {
        await using var host = await SourceTestHost.StartAsync();
        var badPnc = "2019/0000001Z";
        await host.DropAsync("mixed.csv", Csv(
            ReleaseFields.Row(1),
            ReleaseFields.Row(2, releaseDate: "04/12/2026"),
            $"PRB-3,{badPnc},2026-12-04,HMP Fictional,lewisham",
            "PRB-4,too,few",
            ReleaseFields.Row(5)));

        var report = await host.Processor.ProcessAsync("mixed.csv", CancellationToken.None);

        report.Published.ShouldBe(2);
        report.Quarantined.Select(q => q.Row).ShouldBe([2, 3, 4]);
        report.Quarantined[0].Reasons.ShouldBe(["release_date is not a date (yyyy-MM-dd)"]);
        report.Quarantined[1].Reasons.ShouldContain(r => r.Contains("subject.pncId", StringComparison.Ordinal));
        report.Quarantined[2].Reasons.ShouldBe(["line 5: the row has 3 cells; the header has 5"], "located by the file's line (the header is line 1)");
        var reportText = await File.ReadAllTextAsync(host.Layout.Report("mixed.csv"));
        reportText.ShouldNotContain("04/12/2026");
        reportText.ShouldNotContain(badPnc);
        reportText.ShouldNotContain("PRB-");

        var rejected = CsvParser.Parse(await File.ReadAllTextAsync(host.Layout.Rejected("mixed.csv", DropFileFormat.Csv)));
        rejected[0].ShouldBe([QuarantineWriter.RowColumn, QuarantineWriter.ReasonsColumn, .. ReleaseFields.Header.Split(',')]);
        rejected.Skip(1).Select(r => r[0]).ShouldBe(["2", "3", "4"]);
        rejected[2][3].ShouldBe(badPnc, "the quarantine file keeps the row as it was, for the agency to fix");
    }

    [Fact]
    public async Task When_interrupted_mid_file_should_resume_after_the_checkpoint_and_publish_every_row_exactly_once()
    {
        await using var host = await SourceTestHost.StartAsync();
        await host.DropAsync("big.csv", Csv([.. Enumerable.Range(1, 10).Select(n => ReleaseFields.Row(n))]));
        using var crash = new CancellationTokenSource();
        host.Mapper.OnRow = row =>
        {
            if (row == 6)
            {
                crash.Cancel();
            }
        };

        await Should.ThrowAsync<OperationCanceledException>(() => host.Processor.ProcessAsync("big.csv", crash.Token));
        File.Exists(Path.Combine(host.Layout.Inbox, "big.csv")).ShouldBeTrue("the file stays in the inbox until every row is settled");
        // Rows are mapped ahead of their publish (PrepareParallelism), so the stop may come before any row settled.
        var checkpoint = await host.CheckpointAsync("big.csv");
        checkpoint.LastRow.ShouldBeLessThanOrEqualTo(5, "row 6 was never confirmed, so the checkpoint cannot pass it");
        checkpoint.Published.ShouldBe(checkpoint.LastRow);
        host.Mapper.OnRow = null;

        var report = await host.Processor.ProcessAsync("big.csv", CancellationToken.None);

        report.Published.ShouldBe(10);
        var sent = host.SentEventIds();
        sent.Distinct().Count().ShouldBe(10, "every row published, a re-published one under the same id");
    }

    [Fact]
    public async Task When_the_checkpoint_is_lost_should_republish_the_same_event_ids_for_the_hub_to_deduplicate()
    {
        var root = Directory.CreateTempSubdirectory("agencyhub-drop-").FullName;
        var content = Csv(ReleaseFields.Row(1), ReleaseFields.Row(2));
        IReadOnlyList<Guid> first;
        await using (var host = await SourceTestHost.StartAsync(root))
        {
            await host.DropAsync("again.csv", content);
            await host.Processor.ProcessAsync("again.csv", CancellationToken.None);
            first = host.SentEventIds();
        }

        await using (var host = await SourceTestHost.StartAsync(root))
        {
            await host.DropAsync("again.csv", content);
            await host.Processor.ProcessAsync("again.csv", CancellationToken.None);
            host.SentEventIds().ShouldBe(first);
            Directory.GetFiles(host.Layout.Done).Length.ShouldBe(2, "the second copy is kept beside the first, not over it");
        }
    }

    [Fact]
    public async Task When_the_file_is_ndjson_should_quarantine_a_broken_line_and_publish_the_rest()
    {
        await using var host = await SourceTestHost.StartAsync();
        var good = """{"local_id":"PRB-1","pnc_id":"PNC","release_date":"2026-12-04","establishment":"HMP Fictional","resettlement_area":"lewisham"}""".Replace("PNC", PncId.Create(2019, 400001), StringComparison.Ordinal);
        await host.DropAsync("feed.ndjson", good + "\n{\"local_id\": \"PRB-2\", oops\n" + good.Replace("PRB-1", "PRB-3", StringComparison.Ordinal) + "\n");

        var report = await host.Processor.ProcessAsync("feed.ndjson", CancellationToken.None);

        report.Published.ShouldBe(2);
        report.Quarantined.ShouldHaveSingleItem().ShouldBe(new QuarantinedRow(2, ["the row is not valid JSON"]), new QuarantinedRowComparer());
        File.Exists(host.Layout.Rejected("feed.ndjson", DropFileFormat.Ndjson)).ShouldBeTrue();
    }

    [Fact]
    public async Task When_a_json_file_is_not_an_array_should_quarantine_the_whole_file_and_publish_nothing()
    {
        await using var host = await SourceTestHost.StartAsync();
        await host.DropAsync("broken.json", """{"not":"an array"}""");

        var report = await host.Processor.ProcessAsync("broken.json", CancellationToken.None);

        report.FileProblem.ShouldBe("broken.json, the file is not a JSON array");
        host.SentEventIds().ShouldBeEmpty();
        File.Exists(Path.Combine(host.Layout.Quarantine, "broken.json")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("open-quote.csv", "local_id,pnc_id\nPRB-1,x\n\"PRB-2,y\nPRB-3,z\n", "open-quote.csv, line 3: a quoted cell opens there and is never closed")]
    [InlineData("twice.csv", "local_id,pnc_id,local_id\nPRB-1,x,y\n", "twice.csv, line 1: header columns 1 and 3 have the same name")]
    public async Task When_a_csv_file_cannot_be_split_into_rows_should_quarantine_it_whole_with_the_file_and_line_before_publishing_any_row(string name, string content, string problem)
    {
        await using var host = await SourceTestHost.StartAsync();
        await host.DropAsync(name, content);

        var report = await host.Processor.ProcessAsync(name, CancellationToken.None);

        report.FileProblem.ShouldBe(problem);
        host.SentEventIds().ShouldBeEmpty();
        File.Exists(Path.Combine(host.Layout.Quarantine, name)).ShouldBeTrue("the file is kept whole for the agency to fix");
        (await File.ReadAllTextAsync(host.Layout.Report(name))).ShouldNotContain("PRB-");
    }

    private sealed class QuarantinedRowComparer : IEqualityComparer<QuarantinedRow>
    {
        public bool Equals(QuarantinedRow? x, QuarantinedRow? y) => x!.Row == y!.Row && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(QuarantinedRow obj) => obj.Row;
    }

    [Fact]
    public async Task When_rows_settle_should_save_the_checkpoint_every_few_rows_and_when_the_file_is_done()
    {
        // One publish in flight and rows mapped one at a time just before their publish, so which row is being mapped
        // says exactly how far the rows have settled.
        await using var host = await SourceTestHost.StartAsync(configure: o => (o.CheckpointEvery, o.CheckpointInterval, o.MaxInFlight, o.PrepareParallelism) = (3, TimeSpan.FromHours(1), 1, 1));
        await host.DropAsync("big.csv", Csv([.. Enumerable.Range(1, 8).Select(r => ReleaseFields.Row(r))]));
        var seen = new Dictionary<int, int>();
        host.Mapper.OnRow = row => seen[row] = File.Exists(host.Layout.Checkpoint("big.csv"))
            ? JsonSerializer.Deserialize<DropFileCheckpoint>(File.ReadAllText(host.Layout.Checkpoint("big.csv")), Hub.Contracts.ContractJson.Options)!.LastRow
            : 0;

        var report = await host.Processor.ProcessAsync("big.csv", CancellationToken.None);

        report.Published.ShouldBe(8);
        seen.ShouldBe(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0, [4] = 3, [5] = 3, [6] = 3, [7] = 6, [8] = 6 });
        File.Exists(host.Layout.Checkpoint("big.csv")).ShouldBeFalse("the checkpoint goes once the file is done");
    }
}
