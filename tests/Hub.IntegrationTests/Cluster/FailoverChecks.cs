using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// What a failover must leave behind, for release lists dropped at probation with police running (DSA-001 shares each
/// row with four candidate recipients): one decision per row and candidate recipient, every delivery sent, police's sink
/// holding exactly its allowed deliveries once each, nothing dead-lettered, and every process still the one started.
/// </summary>
public static class FailoverChecks
{
    public const int CandidateRecipients = 4;

    public static async Task ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(WorkerHub hub, int rows)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var expectedEvents = Enumerable.Range(1, rows).Select(r => RecordEventIds.For(AgencyCode.Probation, "release-notice", ReleaseListCsv.NoticeId(r))).ToHashSet();
        await hub.UntilAsync(() => HubLedgerCounts.ReadAsync(hub.Ledger), c => c.Rows >= rows * CandidateRecipients && c.Unsent == 0, "a decision for every row and candidate recipient, every delivery sent");
        var sink = hub.Sink(AgencyCode.Police);
        await hub.UntilAsync(sink.Count, n => n >= rows, "a document for every row in the police sink");

        // Let any redelivery still in flight land before counting exactly.
        await using (var admin = await BrokerClient.ConnectAsync(hub.Broker, "hub-admin"))
        {
            foreach (var queue in new[] { HubTopology.IngressQueue(AgencyCode.Probation), HubTopology.DeliveryQueue(AgencyCode.Police) })
            {
                await hub.UntilAsync(async () => (await admin.QueueStateAsync(queue)).Messages, n => n == 0, $"{queue} to drain");
            }

            (await admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error")).ShouldBeEmpty("nothing dead-lettered at ingress");
            (await admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police) + "_error")).ShouldBeEmpty("no police delivery failed");
        }

        var counts = await HubLedgerCounts.ReadAsync(hub.Ledger);
        counts.ShouldBe(new HubLedgerCounts(rows * CandidateRecipients, rows * CandidateRecipients, rows, 0, 0), "one decision per row and candidate recipient, none twice");
        var documents = sink.Documents();
        var allowed = await HubLedgerCounts.AllowedDeliveriesAsync(hub.Ledger, AgencyCode.Police.Value);
        allowed.Count.ShouldBe(rows, "DSA-001 allows every row to police");
        sink.Count().ShouldBe(rows, "one document per delivery");
        documents.Select(d => d.DeliveryId).ToHashSet().SetEquals(allowed).ShouldBeTrue("the documents are exactly the ledger's allowed deliveries");
        documents.Select(d => d.EventId).ToHashSet().SetEquals(expectedEvents).ShouldBeTrue("every row's event, each once");

        hub.Router.HasExited.ShouldBeFalse($"the router recovered by itself\n{hub.Describe()}");
        hub[AgencyCode.Probation].IsRunning.ShouldBeTrue($"the probation worker recovered by itself\n{hub.Describe()}");
        hub[AgencyCode.Police].IsRunning.ShouldBeTrue($"the police worker recovered by itself\n{hub.Describe()}");
    }
}
