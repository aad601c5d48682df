using System.Globalization;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Chaos;

/// <summary>The broker's faults: a cluster node killed and restarted, the single node crash-restarted, the node paused.</summary>
public static class BrokerFaults
{
    /// <summary>The queue whose leader the node-kill scenario kills: every release list enters the hub through it.</summary>
    public static readonly string IngressQueue = HubTopology.IngressQueue(AgencyCode.Probation);

    private static readonly TimeSpan NodeDown = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(20);

    /// <summary>The cluster node (1-3) leading <see cref="IngressQueue"/> now.</summary>
    public static async Task<int> LeaderAsync(ServerEnvironment servers, string logPath, CancellationToken cancellationToken)
    {
        var (script, state) = Cluster(servers);
        var output = await ServerCommand.RunAsync(script, ["leader", state, IngressQueue], Fast, logPath, cancellationToken);
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>kill -9 of the node leading the ingress queue, restarted after ten seconds. Returns its number.</summary>
    public static async Task<string> KillLeaderAsync(ServerEnvironment servers, string logPath, Action injected, CancellationToken cancellationToken)
    {
        var (script, state) = Cluster(servers);
        var node = (await LeaderAsync(servers, logPath, cancellationToken)).ToString(CultureInfo.InvariantCulture);
        injected();
        await ServerCommand.RunAsync(script, ["kill-node", state, node], Fast, logPath, cancellationToken);
        await Task.Delay(NodeDown, cancellationToken);
        await ServerCommand.RunAsync(script, ["restart-node", state, node], Fast, logPath, cancellationToken);
        return $"node {node} (leader of {IngressQueue})";
    }

    /// <summary>kill -9 of the single node and a start of it again.</summary>
    public static async Task<string> RestartAsync(ServerEnvironment servers, string logPath, Action injected, CancellationToken cancellationToken)
    {
        var command = servers.BrokerRestartCommand ?? throw new InvalidOperationException("broker-restart needs AGENCYHUB_TEST_RABBITMQ_RESTART (scripts/servers/rabbitmq.sh exports it).");
        injected();
        await BrokerRestart.NowAsync(command, logPath, cancellationToken);
        return "the single node";
    }

    /// <summary>SIGSTOP of the node's Erlang VM for twenty seconds, then SIGCONT (always, even when the run is cancelled).</summary>
    public static async Task<string> PauseAsync(ServerEnvironment servers, string logPath, Action injected, CancellationToken cancellationToken)
    {
        var pid = new BrokerProcess(servers.BrokerPidFile).Find()
            ?? throw new InvalidOperationException("network-pause needs the broker's pid file (AGENCYHUB_TEST_RABBITMQ_PID_FILE, from scripts/servers/rabbitmq.sh) and its VM on this machine.");
        var target = pid.ToString(CultureInfo.InvariantCulture);
        injected();
        await ServerCommand.RunAsync("kill", ["-STOP", target], Fast, logPath, cancellationToken);
        try
        {
            await Task.Delay(Pause, cancellationToken);
        }
        finally
        {
            await ServerCommand.RunAsync("kill", ["-CONT", target], Fast, logPath, CancellationToken.None);
        }

        return $"beam.smp paused {Pause.TotalSeconds:0} s";
    }

    private static readonly IReadOnlyDictionary<string, string> Fast = new Dictionary<string, string> { ["AGENCYHUB_RABBITMQ_FAST_STOP"] = "1" };

    private static (string Script, string State) Cluster(ServerEnvironment servers) =>
        servers.Faults is { Cluster: { } script, ClusterState: { } state }
            ? (script, state)
            : throw new InvalidOperationException("broker-node-kill needs the cluster (AGENCYHUB_TEST_RABBITMQ_CLUSTER and _CLUSTER_STATE, from scripts/servers/rabbitmq-cluster.sh).");
}
