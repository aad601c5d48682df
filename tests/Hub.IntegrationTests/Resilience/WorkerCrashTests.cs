using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Resilience;

/// <summary>
/// The delivery guarantee (docs/adr/0003, 0009, 0010) with every part a real process: a release list dropped at
/// the probation worker, the router, and the police and council workers writing to their drop-folder sinks with
/// durable deduplication (SQLite for police, Postgres for the council). A worker killed with SIGKILL mid-stream and
/// restarted loses nothing and duplicates no event: one ledger decision per row and candidate recipient, one sink
/// document per allowed delivery.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class WorkerCrashTests(ServersFixture servers)
{
    private const int Rows = 400;

    // The recipient writes in groups, hundreds a second: a longer stream so the kill lands while it is still writing.
    private const int RecipientRows = 2000;
    private const string ReleaseList = "release-list-2026-11-23.csv";

    /// <summary>DSA-001 shares a Lewisham release with all four other agencies, so each row has four decisions.</summary>
    private const int CandidateRecipients = 4;

    private static readonly AgencyCode[] Sinks = [AgencyCode.Police, AgencyCode.Council];

    [Fact]
    public async Task When_the_probation_worker_is_killed_mid_file_and_restarted_should_ledger_and_deliver_every_row_exactly_once()
    {
        // One publish in flight paces the source (tens of rows a second) so the kill lands mid-file within 400 rows;
        // a kill with hundreds of publishes in flight is SourceCrashTests.
        await using var hub = await StartAsync(AgencyCode.Police);
        await hub.StartAdapterAsync(hub.OnDisk(AgencyCode.Probation) with { Extra = new Dictionary<string, string> { ["Adapter__Sources__DropFolder__MaxInFlight"] = "1" } });
        var source = hub.Source(AgencyCode.Probation);
        await hub.DropAsync(AgencyCode.Probation, ReleaseList, ReleaseListCsv.NewNotices(Rows));

        // Kill once some rows are confirmed (the checkpoint records only confirmed rows), well before the last.
        await hub.UntilAsync(() => File.Exists(source.Report(ReleaseList)) ? Rows : LastCheckpointedRow(source), row => row >= 20, "the probation worker to confirm some rows");
        await hub[AgencyCode.Probation].KillAsync();
        File.Exists(Path.Combine(source.Inbox, ReleaseList)).ShouldBeTrue("a file leaves the inbox only once every row is settled");
        LastCheckpointedRow(source).ShouldBeLessThan(Rows, "the kill must land mid-file for this test to mean anything");

        await hub[AgencyCode.Probation].RestartAsync();
        await hub.UntilAsync(() => File.Exists(source.Report(ReleaseList)), done => done, "the file's result report after the restart");

        File.Exists(Path.Combine(source.Done, ReleaseList)).ShouldBeTrue("the finished file moves to done/");
        File.Exists(Path.Combine(source.Inbox, ReleaseList)).ShouldBeFalse();
        var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(source.Report(ReleaseList)), ContractJson.Options)!;
        (report.Rows, report.Published, report.Quarantined.Count).ShouldBe((Rows, Rows, 0));
        await ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(hub, Rows);
    }

    [Fact]
    public async Task When_a_recipient_worker_is_killed_mid_stream_and_restarted_should_write_every_delivery_exactly_once()
    {
        await using var hub = await StartAsync(AgencyCode.Probation);
        await hub.DropAsync(AgencyCode.Probation, ReleaseList, ReleaseListCsv.NewNotices(RecipientRows));

        // Every delivery decided and sent before police starts, so its queue holds the whole stream.
        await hub.UntilAsync(() => HubLedgerCounts.ReadAsync(hub.Ledger), c => c.Rows >= RecipientRows * CandidateRecipients && c.Unsent == 0, "every row decided and every delivery sent");
        var police = await hub.StartAdapterAsync(hub.OnDisk(AgencyCode.Police));
        var sink = hub.Sink(AgencyCode.Police);
        await hub.UntilAsync(sink.Count, n => n > 0, "the police worker to write its first deliveries");

        // Unacknowledged now is at least what is neither waiting in the queue nor written (a written one may not be acknowledged yet).
        // The sink is read first: a group of writes landing during the queue probe must not hide what was in hand. The worker
        // refills its prefetch between groups, so the measure is taken again until several deliveries are in hand (or the
        // stream ends, which the next assertion reports).
        var inFlight = 0;
        while (sink.Count() < RecipientRows)
        {
            var written = sink.Count();
            var ready = (await BrokerQueueAsync(hub, HubTopology.DeliveryQueue(AgencyCode.Police))).Messages;
            inFlight = RecipientRows - (int)ready - written;
            if (inFlight > 1)
            {
                break;
            }
        }

        await police.KillAsync();
        sink.Count().ShouldBeLessThan(RecipientRows, "the kill must land mid-stream for this test to mean anything");
        inFlight.ShouldBeGreaterThan(1, "the kill must land with several deliveries in flight (Adapter:PrefetchCount)");

        await police.RestartAsync();
        await ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(hub, RecipientRows);
        (await HandledDeliveries.SqliteAsync(police.Settings.DedupeSqlite!)).SetEquals(hub.Sink(AgencyCode.Police).Documents().Select(d => d.DeliveryId))
            .ShouldBeTrue("the police dedupe store holds exactly the deliveries its sink wrote");
        (await HandledDeliveries.PostgresAsync(hub[AgencyCode.Council].Settings.DedupePostgres!)).SetEquals(hub.Sink(AgencyCode.Council).Documents().Select(d => d.DeliveryId))
            .ShouldBeTrue("the council dedupe store holds exactly the deliveries its sink wrote");
    }

    /// <summary>The router, then the given workers and the council (drop-folder sink, dedupe in its own Postgres database).</summary>
    private async Task<WorkerHub> StartAsync(params AgencyCode[] agencies)
    {
        var hub = await WorkerHub.StartAsync(servers, agencies);
        try
        {
            await hub.StartAdapterAsync(hub.OnDisk(AgencyCode.Council) with { DedupeSqlite = null, DedupePostgres = await hub.CreateAgencyDatabaseAsync() });
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return hub;
    }

    private static async Task ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(WorkerHub hub, int rows)
    {
        var expectedEvents = Enumerable.Range(1, rows).Select(r => RecordEventIds.For(AgencyCode.Probation, "release-notice", ReleaseListCsv.NoticeId(r))).ToHashSet();
        await hub.UntilAsync(() => HubLedgerCounts.ReadAsync(hub.Ledger), c => c.Rows >= rows * CandidateRecipients && c.Unsent == 0, "a decision for every row and candidate recipient, every delivery sent");
        foreach (var agency in Sinks)
        {
            await hub.UntilAsync(hub.Sink(agency).Count, n => n >= rows, $"a document for every row in the {agency} sink");
        }

        // Let any redelivery still in flight land before counting exactly.
        await using (var admin = await BrokerClient.ConnectAsync(hub.Broker, "hub-admin"))
        {
            foreach (var queue in new[] { HubTopology.IngressQueue(AgencyCode.Probation), HubTopology.DeliveryQueue(AgencyCode.Police), HubTopology.DeliveryQueue(AgencyCode.Council) })
            {
                await hub.UntilAsync(async () => (await admin.QueueStateAsync(queue)).Messages, n => n == 0, $"{queue} to drain");
            }

            (await admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error")).ShouldBeEmpty("nothing dead-lettered at ingress");
            (await admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police) + "_error")).ShouldBeEmpty("no police delivery failed");
            (await admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Council) + "_error")).ShouldBeEmpty("no council delivery failed");
        }

        var counts = await HubLedgerCounts.ReadAsync(hub.Ledger);
        counts.ShouldBe(new HubLedgerCounts(rows * CandidateRecipients, rows * CandidateRecipients, rows, 0, 0), "one decision per row and candidate recipient, none twice");
        foreach (var agency in Sinks)
        {
            var sink = hub.Sink(agency);
            var documents = sink.Documents();
            var allowed = await HubLedgerCounts.AllowedDeliveriesAsync(hub.Ledger, agency.Value);
            allowed.Count.ShouldBe(rows, $"DSA-001 allows every row to {agency}");
            sink.Count().ShouldBe(rows, $"{agency}: one document per delivery");
            documents.Select(d => d.DeliveryId).ToHashSet().SetEquals(allowed).ShouldBeTrue($"{agency}: the documents are exactly the ledger's allowed deliveries");
            documents.Select(d => d.EventId).ToHashSet().SetEquals(expectedEvents).ShouldBeTrue($"{agency}: every row's event, each once");
            documents.ShouldAllBe(d => d.Recipient == agency.Value && d.Flow.StartsWith('F'));
        }
    }

    private static async Task<(uint Messages, uint Consumers)> BrokerQueueAsync(WorkerHub hub, string queue)
    {
        await using var admin = await BrokerClient.ConnectAsync(hub.Broker, "hub-admin");
        return await admin.QueueStateAsync(queue);
    }

    /// <summary>The checkpoint's last confirmed row; 0 before the first, or while the file is being replaced.</summary>
    private static int LastCheckpointedRow(DropFolderLayout source)
    {
        try
        {
            return JsonSerializer.Deserialize<DropFileCheckpoint>(File.ReadAllBytes(source.Checkpoint(ReleaseList)), ContractJson.Options)?.LastRow ?? 0;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return 0;
        }
    }
}
