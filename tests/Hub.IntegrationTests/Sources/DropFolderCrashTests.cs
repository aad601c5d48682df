using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.IntegrationTests.Sources;

/// <summary>
/// A drop-folder source stopped mid-file, with its checkpoint behind what the broker had confirmed (the crash
/// window of docs/adr/0009), restarted: every row reaches the ledger and the recipient exactly once.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class DropFolderCrashTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Rows = 30;

    private BrokerClient _admin = null!;
    private string _ledger = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _ledger = await servers.CreateDatabaseAsync();
        _root = Directory.CreateTempSubdirectory("agencyhub-it-drop-").FullName;
    }

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public async Task When_the_source_is_killed_mid_file_and_restarted_should_ledger_and_deliver_every_row_exactly_once()
    {
        var layout = new DropFolderLayout(_root);
        layout.Create();
        await File.WriteAllTextAsync(Path.Combine(layout.Inbox, "releases.csv"), string.Join("\n", [ReleaseCsvMapper.Header, .. Enumerable.Range(1, Rows).Select(ReleaseCsvMapper.Row)]) + "\n");
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());

        // First run: cancelled while publishing row 18, then the whole adapter is stopped.
        var first = await SourceAdapterHost.StartAsync(servers.Broker, Settings(enabled: false), b => b.AddDropFolderSource<ReleaseCsvMapper>());
        using (var kill = new CancellationTokenSource())
        {
            first.Services.GetRequiredService<ReleaseCsvMapper>().OnRow = row =>
            {
                if (row == 18)
                {
                    kill.Cancel();
                }
            };
            await Should.ThrowAsync<OperationCanceledException>(() => first.DropFolder.ProcessAsync("releases.csv", kill.Token));
        }

        await first.DisposeAsync();
        File.Exists(Path.Combine(layout.Inbox, "releases.csv")).ShouldBeTrue("a file leaves the inbox only when every row is settled");
        // Stopping cancels the publishes still in flight; with none confirmed before it, no checkpoint is written.
        var checkpoint = File.Exists(layout.Checkpoint("releases.csv"))
            ? JsonSerializer.Deserialize<DropFileCheckpoint>(await File.ReadAllTextAsync(layout.Checkpoint("releases.csv")), ContractJson.Options)!
            : new DropFileCheckpoint { ContentSha256 = string.Empty, LastRow = 0, Published = 0, Quarantined = [] };
        checkpoint.LastRow.ShouldBeLessThanOrEqualTo(17, "row 18 was never published, and rows confirmed out of order never pass an unconfirmed one");

        // The crash window: rows after 10 were confirmed by the broker but their checkpoint never reached the disk.
        var rewound = Math.Min(10, checkpoint.LastRow);
        if (checkpoint.LastRow > 0)
        {
            await File.WriteAllBytesAsync(layout.Checkpoint("releases.csv"), JsonSerializer.SerializeToUtf8Bytes(checkpoint with { LastRow = rewound, Published = rewound }, ContractJson.Options));
        }

        // Restart: the hosted source picks the file up from its checkpoint.
        await using (var second = await SourceAdapterHost.StartAsync(servers.Broker, Settings(enabled: true), b => b.AddDropFolderSource<ReleaseCsvMapper>()))
        {
            await Eventually.UntilAsync(() => File.Exists(layout.Report("releases.csv")), done => done, "the file's result report");
        }

        File.Exists(Path.Combine(layout.Done, "releases.csv")).ShouldBeTrue();
        var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(layout.Report("releases.csv")), ContractJson.Options)!;
        report.Rows.ShouldBe(Rows);
        report.Quarantined.ShouldBeEmpty();

        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Count >= Rows * 4, "four decisions for every row");
        await Eventually.UntilAsync(() => ReadyAsync(HubTopology.IngressQueue(AgencyCode.Probation)), n => n == 0, "the ingress queue to drain (the re-published rows)");
        rows = await LedgerQueries.RowsAsync(_ledger);
        rows.ShouldAllBe(r => r.Kind != "rejection");
        rows.Count.ShouldBe(Rows * 4, "rows after the rewound checkpoint arrived twice, but the router recorded them once");
        rows.GroupBy(r => r.EventId).Count().ShouldBe(Rows);
        rows.GroupBy(r => r.EventId).ShouldAllBe(g => g.Count() == 4);

        // The transport is at-least-once: a re-published row that reaches the router while its first copy's delivery
        // is still unsent can be sent twice, but only ever as the same delivery, which the recipient's sink dedupes.
        var police = DrainedDeliveries.Ids(await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police)));
        police.Select(d => d.EventId).Distinct().Count().ShouldBe(Rows, "the recipient gets every row");
        police.GroupBy(d => d.EventId).ShouldAllBe(g => g.Select(d => d.DeliveryId).Distinct().Count() == 1, "a repeat is the same delivery");
        police.Select(d => d.DeliveryId).ToHashSet().SetEquals(rows.Where(r => r.Recipient == "police" && r.DeliveryId is not null).Select(r => r.DeliveryId!.Value))
            .ShouldBeTrue("the deliveries are exactly the ledger's allowed police deliveries");
    }

    private Dictionary<string, string?> Settings(bool enabled) => new()
    {
        ["Adapter:Sources:DropFolder:Enabled"] = enabled ? "true" : "false",
        ["Adapter:Sources:DropFolder:Path"] = _root,
        ["Adapter:Sources:DropFolder:PollInterval"] = "00:00:00.200",
        ["Adapter:Sources:DropFolder:SettleTime"] = "00:00:00",
    };

    private async Task<uint> ReadyAsync(string queue)
    {
        await using var channel = await _admin.OpenChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
