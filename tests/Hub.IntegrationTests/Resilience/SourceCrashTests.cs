using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Resilience;

/// <summary>
/// The probation worker's own process, publishing a long release list with hundreds of publishes awaiting confirms
/// (Adapter:Sources:DropFolder:MaxInFlight, default 256), killed with SIGKILL mid-file and started again
/// (docs/adr/0009). No router runs, so the ingress queue keeps every copy that reached the broker: every row is
/// there, under its one deterministic event id, and a row sent twice is the same event both times.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class SourceCrashTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Rows = 4000;
    private const string ReleaseList = "release-list-2026-11-30.csv";

    private BrokerClient _admin = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _root = Directory.CreateTempSubdirectory("agencyhub-it-source-crash-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _admin.PurgeHubQueuesAsync();
        await _admin.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task When_the_source_is_killed_with_publishes_in_flight_and_restarted_should_bring_every_row_to_the_hub_under_the_same_ids()
    {
        var settings = AdapterSettings.OnDisk(AgencyCode.Probation, _root);
        var layout = new DropFolderLayout(settings.SourceFolder);
        layout.Create();
        var staging = Path.Combine(layout.Root, ReleaseList + ".staging");
        await File.WriteAllTextAsync(staging, ReleaseListCsv.NewNotices(Rows));
        File.Move(staging, Path.Combine(layout.Inbox, ReleaseList));
        var ingress = HubTopology.IngressQueue(AgencyCode.Probation);
        await using var worker = await AdapterProcess.StartAsync(servers.Broker, settings);

        // Kill once hundreds of rows are at the broker, while the file is far from done.
        var reached = await Eventually.UntilAsync(async () => (await _admin.QueueStateAsync(ingress)).Messages, n => n >= 300, "hundreds of rows at the broker", TimeSpan.FromSeconds(120));
        await worker.KillAsync();
        File.Exists(layout.Report(ReleaseList)).ShouldBeFalse($"the kill must land mid-file for this test to mean anything ({reached} rows had reached the broker)");
        File.Exists(Path.Combine(layout.Inbox, ReleaseList)).ShouldBeTrue("a file leaves the inbox only once every row is settled");
        CheckpointedRow(layout).ShouldBeLessThan(Rows);

        await worker.RestartAsync();
        // The report is written first, then the file leaves the inbox: wait for both.
        await Eventually.UntilAsync(() => File.Exists(layout.Report(ReleaseList)) && File.Exists(Path.Combine(layout.Done, ReleaseList)), done => done, $"the file's report and its move to done after the restart\n{worker.Describe()}", TimeSpan.FromSeconds(180));

        var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(layout.Report(ReleaseList)), ContractJson.Options)!;
        (report.Rows, report.Published, report.Quarantined.Count).ShouldBe((Rows, Rows, 0));
        File.Exists(Path.Combine(layout.Done, ReleaseList)).ShouldBeTrue();
        var arrived = (await _admin.DrainAsync(ingress)).Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("message").GetProperty("envelope").GetProperty("eventId").GetGuid()).ToList();
        var expected = Enumerable.Range(1, Rows).Select(r => RecordEventIds.For(AgencyCode.Probation, "release-notice", ReleaseListCsv.NoticeId(r))).ToHashSet();
        arrived.ToHashSet().SetEquals(expected).ShouldBeTrue("every row reached the hub's ingress, and nothing else did");
        arrived.Count.ShouldBeGreaterThanOrEqualTo(Rows, "rows confirmed after the last checkpoint are published again, under the same ids");
        (await _admin.DrainAsync(ingress + "_error")).ShouldBeEmpty();
    }

    private static int CheckpointedRow(DropFolderLayout layout)
    {
        try
        {
            return JsonSerializer.Deserialize<DropFileCheckpoint>(File.ReadAllBytes(layout.Checkpoint(ReleaseList)), ContractJson.Options)?.LastRow ?? 0;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return 0;
        }
    }
}
