namespace Hub.LoadHarness.Chaos;

/// <summary>
/// One fault of the chaos suite and the servers it needs: scripts/chaos.sh starts a three-node cluster for
/// <see cref="NeedsCluster"/> and a Postgres primary with a standby for <see cref="NeedsPostgresPair"/>, otherwise one
/// RabbitMQ node and one Postgres server, fresh for each scenario.
/// </summary>
/// <param name="Name">The name <c>--scenario</c> takes.</param>
/// <param name="Fault">What is done to the running hub, in a line.</param>
/// <param name="NeedsCluster">Runs on the three-node RabbitMQ cluster.</param>
/// <param name="NeedsPostgresPair">Runs on the Postgres primary and synchronous standby.</param>
/// <param name="Routers">Router processes on the ledger.</param>
public sealed record ChaosScenario(string Name, string Fault, bool NeedsCluster = false, bool NeedsPostgresPair = false, int Routers = 1)
{
    public static readonly ChaosScenario BrokerNodeKill = new("broker-node-kill", "kill -9 of the cluster node leading hub.ingress.probation (every process connected to it), restarted after 10 s", NeedsCluster: true);
    public static readonly ChaosScenario BrokerRestart = new("broker-restart", "kill -9 of the single RabbitMQ node and a start of it again");
    public static readonly ChaosScenario RouterKill = new("router-kill", "kill -9 of one of three routers, started again 3 s later, then all three restarted in turn (SIGTERM, start, wait for its consumers)", Routers: 3);
    public static readonly ChaosScenario PostgresFailover = new("postgres-failover", "kill -9 of the Postgres primary, the standby promoted 3 s later", NeedsPostgresPair: true);
    public static readonly ChaosScenario PostgresRestart = new("postgres-restart", "kill -9 of the Postgres server and a start of it again");
    public static readonly ChaosScenario RecipientKill = new("recipient-kill", "kill -9 of the police worker while it files deliveries, started again 3 s later");
    public static readonly ChaosScenario NetworkPause = new("network-pause", "SIGSTOP of the RabbitMQ node for 20 s (no byte moves, connections stay open), then SIGCONT");

    public static IReadOnlyList<ChaosScenario> All { get; } = [BrokerNodeKill, BrokerRestart, RouterKill, PostgresFailover, PostgresRestart, RecipientKill, NetworkPause];

    public static ChaosScenario? Named(string name) => All.FirstOrDefault(s => s.Name == name);
}
