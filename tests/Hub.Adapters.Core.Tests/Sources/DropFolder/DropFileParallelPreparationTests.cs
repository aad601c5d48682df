using Hub.Testing.Messaging;
using System.Text;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

/// <summary>Rows mapped ahead on several threads (DropFolderOptions.PrepareParallelism), published strictly in file order.</summary>
public sealed class DropFileParallelPreparationTests
{
    private static string Csv(int rows, params int[] bad) =>
        string.Join("\n", [ReleaseFields.Header, .. Enumerable.Range(1, rows).Select(r => ReleaseFields.Row(r, releaseDate: bad.Contains(r) ? "bad" : null))]) + "\n";

    private static List<Guid> Ids(string content, IEnumerable<int> rows)
    {
        var hash = SourceEventIds.Sha256(Encoding.UTF8.GetBytes(content));
        return [.. rows.Select(r => SourceEventIds.ForFileRow(AgencyCode.Probation, hash, r))];
    }

    [Fact]
    public async Task When_rows_take_random_times_to_map_in_parallel_should_start_their_publishes_in_file_order()
    {
        await using var host = await SourceTestHost.StartAsync(configure: o => (o.PrepareParallelism, o.PrepareAhead) = (4, 16));
        var content = Csv(300);
        await host.DropAsync("many.csv", content);
        var work = new RandomWork(300);
        var mapped = new System.Collections.Concurrent.ConcurrentQueue<int>();
        host.Mapper.OnRow = row =>
        {
            work.For(row);
            mapped.Enqueue(row);
        };
        var order = host.RecordSendOrder();

        var report = await host.Processor.ProcessAsync("many.csv", CancellationToken.None);

        mapped.ShouldNotBe(Enumerable.Range(1, 300), "rows finished mapping out of file order (otherwise this test proves nothing)");
        report.Published.ShouldBe(300);
        order.Started.ShouldBe(Ids(content, Enumerable.Range(1, 300)), "each row's publish starts after every earlier row's");
    }

    [Fact]
    public async Task When_rows_in_the_middle_are_rejected_under_parallel_mapping_should_quarantine_and_report_them_as_one_at_a_time_does_and_publish_their_neighbours()
    {
        var content = Csv(60, 7, 31, 32).Replace(ReleaseFields.Row(45), "PRB-45,too,few", StringComparison.Ordinal);
        var work = new RandomWork(60);
        var one = await RunAsync(parallelism: 1);
        var four = await RunAsync(parallelism: 4);

        four.Report.Published.ShouldBe(56);
        four.Report.Quarantined.Select(q => q.Row).ShouldBe([7, 31, 32, 45]);
        four.Report.Published.ShouldBe(one.Report.Published);
        four.Report.Quarantined.Select(q => (q.Row, string.Join(" | ", q.Reasons))).ShouldBe(one.Report.Quarantined.Select(q => (q.Row, string.Join(" | ", q.Reasons))));
        four.Rejected.ShouldBe(one.Rejected, "the quarantine file is the same, byte for byte");
        four.Sent.ShouldBe(one.Sent, "the same rows publish under the same ids, in the same order");
        four.Sent.ShouldBe(Ids(content, Enumerable.Range(1, 60).Except([7, 31, 32, 45])));

        async Task<(DropFileReport Report, string Rejected, IReadOnlyList<Guid> Sent)> RunAsync(int parallelism)
        {
            await using var host = await SourceTestHost.StartAsync(configure: o => (o.PrepareParallelism, o.PrepareAhead) = (parallelism, 16));
            await host.DropAsync("mixed.csv", content);
            host.Mapper.OnRow = row => work.For(row);
            var order = host.RecordSendOrder();
            var report = await host.Processor.ProcessAsync("mixed.csv", CancellationToken.None);
            File.Exists(host.Layout.Checkpoint("mixed.csv")).ShouldBeFalse();
            return (report, await File.ReadAllTextAsync(host.Layout.Rejected("mixed.csv", DropFileFormat.Csv)), order.Started);
        }
    }

    [Fact]
    public async Task When_cancelled_mid_file_under_parallel_mapping_should_checkpoint_only_settled_rows_and_resume_every_other_row_once_under_its_id()
    {
        await using var host = await SourceTestHost.StartAsync(configure: o => (o.PrepareParallelism, o.PrepareAhead, o.CheckpointEvery) = (4, 16, 10));
        var content = Csv(200, 30);
        await host.DropAsync("big.csv", content);
        var work = new RandomWork(200);
        using var crash = new CancellationTokenSource();
        host.Mapper.OnRow = row =>
        {
            if (row == 120)
            {
                crash.Cancel();
            }

            work.For(row);
        };
        var order = host.RecordSendOrder();

        await Should.ThrowAsync<OperationCanceledException>(() => host.Processor.ProcessAsync("big.csv", crash.Token));

        var checkpoint = await host.CheckpointAsync("big.csv");
        checkpoint.LastRow.ShouldBeLessThan(120, "the row that cancelled was never confirmed, so the checkpoint cannot reach it");
        var rejected = checkpoint.LastRow >= 30 ? new[] { 30 } : [];
        checkpoint.Quarantined.Select(q => q.Row).ShouldBe(rejected);
        checkpoint.Published.ShouldBe(checkpoint.LastRow - rejected.Length, "every other settled row was confirmed");
        var valid = Enumerable.Range(1, 200).Except([30]).ToList();
        var firstRun = order.Started.ToList();
        firstRun.ShouldBe(Ids(content, valid.Take(firstRun.Count)), "the first run started its publishes in file order, skipping none");
        firstRun.Count.ShouldBeGreaterThanOrEqualTo(checkpoint.Published, "every row the checkpoint counts as published was sent");
        host.Mapper.OnRow = null;

        var report = await host.Processor.ProcessAsync("big.csv", CancellationToken.None);

        report.Published.ShouldBe(199);
        report.Quarantined.Select(q => q.Row).ShouldBe([30]);
        var resumed = order.Started.Skip(firstRun.Count).ToList();
        resumed.ShouldBe(Ids(content, valid.Where(r => r > checkpoint.LastRow)), "the second run starts after the checkpoint, in file order");
        order.Started.ToHashSet().SetEquals(Ids(content, valid)).ShouldBeTrue("no row is lost; a row sent again carries its one id");
    }

    [Fact]
    public async Task When_publishes_wait_for_the_broker_should_map_no_more_rows_ahead_than_the_window_and_the_look_ahead_hold()
    {
        await using var host = await SourceTestHost.StartAsync(configure: o => (o.MaxInFlight, o.PrepareParallelism, o.PrepareAhead) = (10, 2, 8));
        await host.DropAsync("held.csv", Csv(100));
        var held = host.Hold(_ => true);
        var beyond = 0;
        var lastAllowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Mapper.OnRow = row =>
        {
            if (held.Completed == 0 && row > 18)
            {
                Interlocked.Increment(ref beyond);
            }

            if (row == 18)
            {
                lastAllowed.TrySetResult();
            }
        };

        var processing = host.Processor.ProcessAsync("held.csv", CancellationToken.None);
        await held.Until(h => h.Open == 10);
        await lastAllowed.Task;
        held.ReleaseAll();
        var report = await processing;

        beyond.ShouldBe(0, "with nothing confirmed, at most 10 rows in flight and 8 mapped ahead of them");
        report.Published.ShouldBe(100);
    }
}
