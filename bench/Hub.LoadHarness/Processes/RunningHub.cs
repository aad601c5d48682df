using System.Globalization;
using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Processes;

/// <summary>
/// The production stack as separate processes, configured as an operator would (environment variables only): the
/// router on a fresh Postgres ledger with the sample agreements and its health listener (for <c>/metrics</c>), and the
/// five agency workers, each with a drop-folder source, a drop-folder sink and a SQLite deduplication store; the
/// probation worker also with its HTTP ingest on a loopback port and an API key. Everything logs at Warning. The run's
/// <c>--router-env</c> and <c>--worker-env</c> come last, so they override any of these. On a cluster every process
/// lists all its nodes (<c>Broker:Hosts</c>, in <see cref="ServerEnvironment.Nodes"/>' order); the chaos suite may run
/// several routers (competing consumers on one ledger, each with its own health listener).
/// </summary>
public sealed class RunningHub : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);

    private readonly List<HubProcess> _processes = [];
    private readonly string _subjectKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private RunningHub(string ledger, IReadOnlyDictionary<AgencyCode, AgencyFolders> agencies)
    {
        Ledger = ledger;
        Agencies = agencies;
        RouterMetrics = new Uri($"http://127.0.0.1:{FreePort.Next()}/metrics");
        HttpIngest = new HttpIngestEndpoint(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string Ledger { get; }

    public IReadOnlyDictionary<AgencyCode, AgencyFolders> Agencies { get; }

    /// <summary>The router's Prometheus endpoint on its health listener.</summary>
    public Uri RouterMetrics { get; }

    public HttpIngestEndpoint HttpIngest { get; }

    /// <summary>Each process's name (router, router-2, …, or the worker's agency) and pid.</summary>
    public IReadOnlyList<(string Name, int Pid)> Processes => [.. _processes.Select(p => (p.Name, p.Id))];

    /// <summary>The routers, first to last.</summary>
    public IReadOnlyList<HubProcess> Routers => [.. _processes.Where(p => p.Name.StartsWith("router", StringComparison.Ordinal))];

    /// <summary>The worker of <paramref name="agency"/>.</summary>
    public HubProcess Worker(AgencyCode agency) => _processes.Single(p => p.Name == agency.Value);

    /// <summary>Processes that are not running now (none should be once a chaos scenario has restarted what it killed).</summary>
    public IReadOnlyList<string> Exited => [.. _processes.Where(p => p.HasExited).Select(p => p.Name)];

    public static async Task<RunningHub> StartAsync(ServerEnvironment servers, HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(settings);
        var repository = Repository.Root();
        var logs = Directory.CreateDirectory(Path.Combine(settings.WorkRoot, "logs")).FullName;
        var stack = new RunningHub(
            await servers.CreateDatabaseAsync(cancellationToken),
            AgencyCode.WellKnown.ToDictionary(a => a, a => AgencyFolders.Under(settings.WorkRoot, a)));
        try
        {
            for (var n = 1; n <= settings.Routers; n++)
            {
                // The first router's health listener is RouterMetrics, the one the report scrapes.
                var health = n == 1 ? stack.RouterMetrics : new Uri($"http://127.0.0.1:{FreePort.Next()}/");
                var router = With(stack.RouterEnvironment(servers, repository, health), settings.RouterEnvironment);
                var name = n == 1 ? "router" : string.Create(CultureInfo.InvariantCulture, $"router-{n}");
                stack._processes.Add(HubProcess.Start(name, Repository.Output(repository, "src/Hub.Router", "Hub.Router.dll"), router, logs));
            }

            foreach (var folders in stack.Agencies.Values)
            {
                var project = "Hub.Adapters." + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(folders.Agency.Value);
                var dll = Repository.Output(repository, "src/Adapters/" + project, project + ".dll");
                var worker = With(stack.WorkerEnvironment(servers, folders, settings.PollInterval), settings.WorkerEnvironment);
                stack._processes.Add(HubProcess.Start(folders.Agency.Value, dll, worker, logs));
            }

            await stack.WaitUntilConsumingAsync(servers, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Returns once the router consumes every ingress queue and each worker its delivery queue (again, after a broker restart).</summary>
    public async Task WaitUntilConsumingAsync(ServerEnvironment servers, CancellationToken cancellationToken)
    {
        var queues = AgencyCode.WellKnown.SelectMany(a => new[] { HubTopology.IngressQueue(a), HubTopology.DeliveryQueue(a) }).ToList();
        await using var connection = await servers.ConnectAsync("hub-admin", "agencyhub-load-probe", recover: true, cancellationToken);
        var deadline = TimeProvider.System.GetUtcNow() + StartPatience;
        while (true)
        {
            if (_processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"The {exited.Name} process exited while starting; see {exited.LogPath}.");
            }

            var waiting = new List<string>();
            await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                foreach (var queue in queues)
                {
                    if ((await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount == 0)
                    {
                        waiting.Add(queue);
                    }
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"No consumer on {string.Join(", ", waiting)} after {StartPatience.TotalSeconds} s; logs in {Path.GetDirectoryName(_processes[0].LogPath)}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private Dictionary<string, string> RouterEnvironment(ServerEnvironment servers, string repository, Uri health) => WithNodes(servers, new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = HarnessSettings.HubLogLevel,
        ["Broker__Host"] = servers.BrokerHost,
        ["Broker__Port"] = servers.BrokerPort.ToString(CultureInfo.InvariantCulture),
        ["Broker__VirtualHost"] = servers.VirtualHost,
        ["Broker__Username"] = "hub-router",
        ["Broker__Password"] = servers.Passwords["hub-router"],
        ["ConnectionStrings__Ledger"] = Ledger,
        ["Router__AgreementsPath"] = Path.Combine(repository, "samples", "agreements"),
        ["Ledger__SubjectKey"] = _subjectKey,
        ["Health__Urls"] = health.GetLeftPart(UriPartial.Authority),
    });

    private Dictionary<string, string> WorkerEnvironment(ServerEnvironment servers, AgencyFolders folders, TimeSpan pollInterval)
    {
        var user = "adapter-" + folders.Agency.Value;
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = HarnessSettings.HubLogLevel,
            ["Adapter__Agency"] = folders.Agency.Value,
            ["Broker__Host"] = servers.BrokerHost,
            ["Broker__Port"] = servers.BrokerPort.ToString(CultureInfo.InvariantCulture),
            ["Broker__VirtualHost"] = servers.VirtualHost,
            ["Broker__Username"] = user,
            ["Broker__Password"] = servers.Passwords[user],
            ["Adapter__Sources__DropFolder__Enabled"] = "true",
            ["Adapter__Sources__DropFolder__Path"] = folders.Source,
            ["Adapter__Sources__DropFolder__PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Adapter__Sources__DropFolder__SettleTime"] = "00:00:00",
            ["Adapter__Sink__Kind"] = "DropFolder",
            ["Adapter__Sink__DropFolder__Path"] = folders.Sink,
            ["Adapter__Deduplication__Kind"] = "Sqlite",
            ["Adapter__Deduplication__SqlitePath"] = folders.Dedupe,
        };
        if (folders.Agency == AgencyCode.Probation)
        {
            environment["Adapter__Sources__Http__Enabled"] = "true";
            environment["Adapter__Sources__Http__Urls"] = HttpIngest.BaseAddress.GetLeftPart(UriPartial.Authority);
            environment["Adapter__Sources__Http__ApiKeys__loadharness"] = HttpIngest.ApiKey;
        }

        return WithNodes(servers, environment);
    }

    /// <summary>On a cluster: every node as <c>Broker__Hosts__i</c> (which the participants then use instead of <c>Broker__Host</c>).</summary>
    private static Dictionary<string, string> WithNodes(ServerEnvironment servers, Dictionary<string, string> environment)
    {
        for (var i = 0; i < servers.Nodes.Count; i++)
        {
            environment[string.Create(CultureInfo.InvariantCulture, $"Broker__Hosts__{i}")] = servers.Nodes[i];
        }

        return environment;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> environment, IReadOnlyDictionary<string, string> extra)
    {
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
