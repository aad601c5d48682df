using System.Globalization;
using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Processes;

/// <summary>
/// The production stack as separate processes, configured as an operator would (environment variables only): the
/// router on a fresh Postgres ledger with the sample agreements, and the five agency workers, each with a drop-folder
/// source, a drop-folder sink and a SQLite deduplication store.
/// </summary>
public sealed class RunningHub : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);

    private readonly List<HubProcess> _processes = [];

    private RunningHub(string ledger, IReadOnlyDictionary<AgencyCode, AgencyFolders> agencies)
    {
        Ledger = ledger;
        Agencies = agencies;
    }

    public string Ledger { get; }

    public IReadOnlyDictionary<AgencyCode, AgencyFolders> Agencies { get; }

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
            stack._processes.Add(HubProcess.Start("router", Repository.Output(repository, "src/Hub.Router", "Hub.Router.dll"), RouterEnvironment(servers, stack.Ledger, repository), logs));
            foreach (var folders in stack.Agencies.Values)
            {
                var project = "Hub.Adapters." + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(folders.Agency.Value);
                var dll = Repository.Output(repository, "src/Adapters/" + project, project + ".dll");
                stack._processes.Add(HubProcess.Start(folders.Agency.Value, dll, WorkerEnvironment(servers, folders, settings.PollInterval), logs));
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

    /// <summary>Returns once the router consumes every ingress queue and each worker its delivery queue.</summary>
    private async Task WaitUntilConsumingAsync(ServerEnvironment servers, CancellationToken cancellationToken)
    {
        var queues = AgencyCode.WellKnown.SelectMany(a => new[] { HubTopology.IngressQueue(a), HubTopology.DeliveryQueue(a) }).ToList();
        await using var connection = await servers.Broker("hub-admin", "agencyhub-load-probe").CreateConnectionAsync(cancellationToken);
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

    private static Dictionary<string, string> RouterEnvironment(ServerEnvironment servers, string ledger, string repository) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Broker__Host"] = servers.BrokerHost,
        ["Broker__Port"] = servers.BrokerPort.ToString(CultureInfo.InvariantCulture),
        ["Broker__VirtualHost"] = servers.VirtualHost,
        ["Broker__Username"] = "hub-router",
        ["Broker__Password"] = servers.Passwords["hub-router"],
        ["ConnectionStrings__Ledger"] = ledger,
        ["Router__AgreementsPath"] = Path.Combine(repository, "samples", "agreements"),
        ["Ledger__SubjectKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private static Dictionary<string, string> WorkerEnvironment(ServerEnvironment servers, AgencyFolders folders, TimeSpan pollInterval)
    {
        var user = "adapter-" + folders.Agency.Value;
        return new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
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
