using System.Globalization;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// A three-node RabbitMQ cluster of its own (scripts/servers/rabbitmq-cluster.sh) for one test class, stopped and
/// removed afterwards. Nodes are numbered 1 to 3, as the script numbers them.
/// </summary>
public sealed class RabbitMqClusterFixture : IAsyncLifetime
{
    private const string Script = "rabbitmq-cluster.sh";
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan NodePatience = TimeSpan.FromMinutes(3);

    private readonly string _state = Directory.CreateTempSubdirectory("agencyhub-cluster-").FullName;
    private string[] _nodes = [];
    private IReadOnlyDictionary<string, string> _passwords = new Dictionary<string, string>();
    private string _virtualHost = "agencyhub";

    public async Task InitializeAsync()
    {
        await ServerScript.RunAsync(Script, StartPatience, null, "start", _state);
        var env = ServerScript.ReadEnvFile(Path.Combine(_state, "rabbitmq-cluster.env"));
        _nodes = env["AGENCYHUB_TEST_RABBITMQ_HOSTS"].Split(',');
        _virtualHost = env["AGENCYHUB_TEST_RABBITMQ_VHOST"];
        _passwords = ServersFixture.Users.ToDictionary(u => u, u => env[ServersFixture.PasswordVariable(u)]);
    }

    /// <summary>
    /// The cluster with node <paramref name="first"/> first in every participant's node list, so they all start
    /// connected to it (each reconnection then tries the next node in turn).
    /// </summary>
    public BrokerEndpoint BrokerFirst(int first)
    {
        var nodes = Enumerable.Range(0, _nodes.Length).Select(i => _nodes[(first - 1 + i) % _nodes.Length]).ToList();
        var (host, port) = Split(nodes[0]);
        return new BrokerEndpoint(host, port, _virtualHost, _passwords) { Nodes = nodes };
    }

    /// <summary>The node (1-3) leading the quorum queue <paramref name="queue"/>.</summary>
    public async Task<int> LeaderAsync(string queue) =>
        int.Parse((await ServerScript.RunAsync(Script, NodePatience, null, "leader", _state, queue)).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Every quorum queue of the hub's virtual host and how many nodes it is replicated on.</summary>
    public async Task<IReadOnlyDictionary<string, int>> MembersAsync() =>
        (await ServerScript.RunAsync(Script, NodePatience, null, "members", _state))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture));

    /// <summary>kill -9 of the node's Erlang VM: a crash, no goodbye to its peers or clients.</summary>
    public Task KillNodeAsync(int node) => ServerScript.RunAsync(Script, NodePatience, null, "kill-node", _state, node.ToString(CultureInfo.InvariantCulture));

    public Task RestartNodeAsync(int node) => ServerScript.RunAsync(Script, NodePatience, null, "restart-node", _state, node.ToString(CultureInfo.InvariantCulture));

    public async Task DisposeAsync()
    {
        await ServerScript.RunAsync(Script, NodePatience, new Dictionary<string, string> { ["AGENCYHUB_RABBITMQ_FAST_STOP"] = "1" }, "stop", _state);
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed clean-up must not hide the test's outcome.
        }
    }

    private static (string Host, int Port) Split(string node)
    {
        var colon = node.LastIndexOf(':');
        return (node[..colon], int.Parse(node[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
