using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.IntegrationTests.Sources;

/// <summary>
/// The change-table source on a real agency database and broker: commit-order safety (a row whose transaction
/// commits late is never skipped), quarantine, and a stop mid-batch that loses and duplicates nothing.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ChangeTableSourceTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Table = "casework.release_changes";

    private BrokerClient _admin = null!;
    private string _agencyDb = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _agencyDb = await servers.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(_agencyDb);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(ChangeTableSchema.ExampleChangeTable(Table), connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public async Task When_a_lower_change_id_commits_after_a_higher_one_should_publish_both_and_skip_neither()
    {
        await using var early = await OpenAsync();
        await using var slow = await early.BeginTransactionAsync();
        await InsertAsync(early, 1, "release");
        await using (var fast = await OpenAsync())
        {
            await InsertAsync(fast, 2, "release");
        }

        await using var adapter = await StartAsync(enabled: false);
        var processor = adapter.Services.GetRequiredService<ChangeTableProcessor>();

        (await processor.PollOnceAsync(CancellationToken.None)).ShouldBe(0, "change 2 waits while the transaction holding change 1 is open");
        await slow.CommitAsync();
        (await processor.PollOnceAsync(CancellationToken.None)).ShouldBe(2);
        (await processor.PollOnceAsync(CancellationToken.None)).ShouldBe(0, "the watermark is past both");

        var published = await _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation));
        published.Select(m => m.BasicProperties.MessageId).Order().ShouldBe(new[] { 1L, 2L }.Select(Id).Order());
    }

    [Fact]
    public async Task When_a_row_cannot_map_should_quarantine_it_with_its_reason_and_move_past_it()
    {
        await using (var connection = await OpenAsync())
        {
            await InsertAsync(connection, 1, "release");
            await InsertAsync(connection, 2, "payroll");
            await InsertAsync(connection, 3, "release");
        }

        await using var adapter = await StartAsync(enabled: false);
        (await adapter.Services.GetRequiredService<ChangeTableProcessor>().PollOnceAsync(CancellationToken.None)).ShouldBe(3);

        (await _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation))).Count.ShouldBe(2);
        await using var read = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT change_id, reasons FROM agencyhub_quarantine", read);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(2);
        reader.GetFieldValue<string[]>(1).ShouldBe(["record_kind: not a kind this adapter reads"]);
    }

    [Fact]
    public async Task When_stopped_mid_batch_and_restarted_should_ledger_and_deliver_every_row_exactly_once()
    {
        const int rows = 20;
        await using (var connection = await OpenAsync())
        {
            for (var n = 1; n <= rows; n++)
            {
                await InsertAsync(connection, n, "release");
            }
        }

        var ledger = await servers.CreateDatabaseAsync();
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, ledger, TestAgreements.WriteFolder());
        var first = await StartAsync(enabled: false);
        using (var kill = new CancellationTokenSource())
        {
            first.Services.GetRequiredService<ReleaseChangeMapper>().OnChange = id =>
            {
                if (id == 12)
                {
                    kill.Cancel();
                }
            };
            await Should.ThrowAsync<OperationCanceledException>(() => first.Services.GetRequiredService<ChangeTableProcessor>().PollOnceAsync(kill.Token));
        }

        await first.DisposeAsync();

        // The crash window: changes 8-11 were confirmed, but the watermark on disk still says 7.
        await using (var connection = await OpenAsync())
        {
            await using var rewind = new NpgsqlCommand("UPDATE agencyhub_watermarks SET last_change_id = 7, last_txid = (SELECT txid FROM casework.release_changes WHERE change_id = 7)", connection);
            (await rewind.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await using (var second = await StartAsync(enabled: true))
        {
            await Eventually.UntilAsync(WatermarkAsync, id => id == rows, "the watermark to reach the last change");
        }

        var decided = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(ledger), r => r.Count >= rows * 4, "four decisions for every change");
        await Eventually.UntilAsync(() => ReadyAsync(HubTopology.IngressQueue(AgencyCode.Probation)), n => n == 0, "the ingress queue to drain (the re-published changes 8-11)");
        decided = await LedgerQueries.RowsAsync(ledger);
        decided.ShouldAllBe(r => r.Kind != "rejection");
        decided.Count.ShouldBe(rows * 4, "changes 8-11 arrived twice, but the router recorded them once");
        decided.Select(r => r.EventId!.Value).Distinct().Order().ShouldBe(Enumerable.Range(1, rows).Select(n => Guid.Parse(Id(n))).Order());
        (await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police))).Count.ShouldBe(rows, "the recipient gets each change exactly once");
    }

    private static string Id(long changeId) => SourceEventIds.ForChange(AgencyCode.Probation, Table, changeId).ToString();

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_agencyDb);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, int n, string kind)
    {
        await using var command = new NpgsqlCommand($"INSERT INTO {Table} (change_id, record_kind, record) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3::jsonb)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)n });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = $$"""{"local_id":"PRB-{{n}}","pnc_id":"{{PncId.Create(2019, 400000 + n)}}","release_date":"2026-12-04","establishment":"HMP Fictional","resettlement_area":"lewisham"}""" });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> WatermarkAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(last_change_id), 0) FROM agencyhub_watermarks", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<uint> ReadyAsync(string queue)
    {
        await using var channel = await _admin.OpenChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private Task<SourceAdapterHost> StartAsync(bool enabled) => SourceAdapterHost.StartAsync(
        servers.Broker,
        new Dictionary<string, string?>
        {
            ["Adapter:Sources:ChangeTable:Enabled"] = enabled ? "true" : "false",
            ["Adapter:Sources:ChangeTable:ConnectionString"] = _agencyDb,
            ["Adapter:Sources:ChangeTable:Table"] = Table,
            ["Adapter:Sources:ChangeTable:PollInterval"] = "00:00:00.200",
        },
        b => b.AddChangeTableSource<ReleaseChangeMapper>());
}
