using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

/// <summary>Many publishes in flight per file, and a checkpoint that never passes an unconfirmed row (docs/adr/0009).</summary>
public sealed class DropFilePipelineTests
{
    private static string Csv(int rows) => string.Join("\n", [ReleaseFields.Header, .. Enumerable.Range(1, rows).Select(r => ReleaseFields.Row(r))]) + "\n";

    [Fact]
    public async Task When_no_confirm_comes_back_should_have_the_default_window_of_publishes_in_flight_and_no_more()
    {
        await using var host = await SourceTestHost.StartAsync();
        await host.DropAsync("many.csv", Csv(300));
        var held = host.Hold(_ => true);

        var processing = host.Processor.ProcessAsync("many.csv", CancellationToken.None);
        await held.Until(h => h.Open == 256);
        File.Exists(host.Layout.Checkpoint("many.csv")).ShouldBeFalse("nothing is confirmed, so nothing is checkpointed");
        held.ReleaseAll();
        var report = await processing;

        held.MostOpen.ShouldBe(256, "the window is DropFolderOptions.MaxInFlight (default 256)");
        report.Published.ShouldBe(300);
        host.SentEventIds().Distinct().Count().ShouldBe(300);
    }

    [Fact]
    public async Task When_later_rows_are_confirmed_before_an_earlier_one_should_checkpoint_only_up_to_the_unconfirmed_row_and_resume_under_the_same_ids()
    {
        await using var host = await SourceTestHost.StartAsync(configure: o => o.CheckpointEvery = 1);
        var content = Csv(10);
        await host.DropAsync("gap.csv", content);
        var hash = SourceEventIds.Sha256(System.Text.Encoding.UTF8.GetBytes(content));
        var ids = Enumerable.Range(1, 10).Select(r => SourceEventIds.ForFileRow(AgencyCode.Probation, hash, r)).ToList();
        var held = host.Hold(id => id == ids[2]);
        using var crash = new CancellationTokenSource();

        var first = host.Processor.ProcessAsync("gap.csv", crash.Token);
        await held.Until(h => h.Completed == 9);
        await crash.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => first);

        var checkpoint = JsonSerializer.Deserialize<DropFileCheckpoint>(await File.ReadAllTextAsync(host.Layout.Checkpoint("gap.csv")), ContractJson.Options)!;
        checkpoint.LastRow.ShouldBe(2, "rows 4-10 were confirmed, but row 3 never was");
        checkpoint.Published.ShouldBe(2);
        held.Confirmed.ShouldBe([.. ids.Where((_, i) => i != 2)], ignoreOrder: true);
        held.ReleaseAll();

        var report = await host.Processor.ProcessAsync("gap.csv", CancellationToken.None);

        report.Published.ShouldBe(10);
        var sent = held.Confirmed;
        sent.ToHashSet().SetEquals(ids).ShouldBeTrue("every row reached the hub, each under its one id");
        sent.Count(id => id == ids[2]).ShouldBe(1, "the unconfirmed row was published once it could be");
        ids.Skip(3).ShouldAllBe(id => sent.Count(s => s == id) == 2, "rows after the checkpoint are re-published under the same ids");
    }

    [Fact]
    public async Task When_rows_are_rejected_among_rows_in_flight_should_checkpoint_and_report_them_in_row_order()
    {
        await using var host = await SourceTestHost.StartAsync();
        await host.DropAsync("mixed.csv", string.Join("\n", [ReleaseFields.Header, ReleaseFields.Row(1), ReleaseFields.Row(2, releaseDate: "bad"), ReleaseFields.Row(3), ReleaseFields.Row(4, releaseDate: "bad")]) + "\n");
        var held = host.Hold(_ => true);

        var processing = host.Processor.ProcessAsync("mixed.csv", CancellationToken.None);
        await held.Until(h => h.Open == 2);
        held.ReleaseAll();
        var report = await processing;

        report.Published.ShouldBe(2);
        report.Quarantined.Select(q => q.Row).ShouldBe([2, 4]);
    }
}
