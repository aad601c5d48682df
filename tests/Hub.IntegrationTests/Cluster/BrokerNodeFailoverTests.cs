using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// The hub on a three-node RabbitMQ cluster (scripts/servers/rabbitmq-cluster.sh, every quorum queue on three nodes),
/// each process given the cluster's nodes (<c>Broker:Hosts</c>) with the node leading probation's ingress queue first,
/// so the router and both workers start connected to it. That node is killed with SIGKILL while a release list is being
/// routed, a second list is dropped while it is down, and it is restarted: the processes reconnect to the survivors by
/// themselves, the queue elects a new leader, and every row is ledgered and delivered exactly once.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class BrokerNodeFailoverTests(ServersFixture servers, RabbitMqClusterFixture cluster) : IClassFixture<RabbitMqClusterFixture>
{
    private const int BeforeKill = 300;
    private const int WhileDown = 300;
    private const int AfterRestart = 50;

    [Fact]
    public async Task When_the_node_leading_the_ingress_queue_is_killed_and_restarted_should_ledger_and_deliver_every_row_exactly_once()
    {
        var ingress = HubTopology.IngressQueue(AgencyCode.Probation);
        (await cluster.MembersAsync()).ShouldAllBe(queue => queue.Value == 3, "every quorum queue replicated on the three nodes");
        var leader = await cluster.LeaderAsync(ingress);
        await using var hub = await WorkerHub.StartAsync(servers, cluster.BrokerFirst(leader), await servers.CreateDatabaseAsync(), new Dictionary<string, string>(), AgencyCode.Probation, AgencyCode.Police);

        await hub.DropAsync(AgencyCode.Probation, "release-list-2026-11-21.csv", ReleaseListCsv.NewNotices(1, BeforeKill));
        await hub.UntilAsync(() => HubLedgerCounts.ReadAsync(hub.Ledger), c => c.DistinctEvents > 0, "the first rows decided");
        await cluster.KillNodeAsync(leader);
        await hub.DropAsync(AgencyCode.Probation, "release-list-2026-11-22.csv", ReleaseListCsv.NewNotices(BeforeKill + 1, WhileDown));

        await FailoverChecks.ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(hub, BeforeKill + WhileDown);
        (await cluster.LeaderAsync(ingress)).ShouldNotBe(leader, "a surviving node leads the ingress queue");

        // The node rejoins with its replicas; the hub keeps going across the whole cluster again.
        await cluster.RestartNodeAsync(leader);
        (await cluster.MembersAsync()).ShouldAllBe(queue => queue.Value == 3, "the restarted node still holds a replica of every queue");
        await hub.DropAsync(AgencyCode.Probation, "release-list-2026-11-23.csv", ReleaseListCsv.NewNotices(BeforeKill + WhileDown + 1, AfterRestart));
        await FailoverChecks.ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(hub, BeforeKill + WhileDown + AfterRestart);
    }
}
