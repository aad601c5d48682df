using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The hub as it is deployed: the router's own process on the sample agreements (samples/agreements) and a fresh
/// ledger database, and the agencies' own worker processes, each with its own broker user, drop-folder source, sink
/// and deduplication store under one temp folder. Files go in at one agency's source and come out at another's sink.
/// </summary>
public sealed class WorkerHub : IAsyncDisposable
{
    private readonly ServersFixture _servers;
    private readonly BrokerEndpoint _broker;
    private readonly Dictionary<AgencyCode, AdapterProcess> _adapters = [];

    private WorkerHub(ServersFixture servers, BrokerEndpoint broker, string ledger, string root, RouterProcess router)
    {
        _servers = servers;
        _broker = broker;
        Ledger = ledger;
        Root = root;
        Router = router;
    }

    public string Ledger { get; }

    public BrokerEndpoint Broker => _broker;

    /// <summary>The temp folder every worker's source, sink and dedupe store live under.</summary>
    public string Root { get; }

    public RouterProcess Router { get; }

    public AdapterProcess this[AgencyCode agency] => _adapters[agency];

    /// <summary>Empty hub queues, a new ledger, the router consuming every ingress queue, then <paramref name="agencies"/>' workers on disk.</summary>
    public static Task<WorkerHub> StartAsync(ServersFixture servers, params AgencyCode[] agencies) => StartAsync(servers, new Dictionary<string, string>(), agencies);

    /// <param name="routerEnvironment">Further router settings, e.g. <c>Router__ConsentHoldWindow</c>.</param>
    public static async Task<WorkerHub> StartAsync(ServersFixture servers, IReadOnlyDictionary<string, string> routerEnvironment, params AgencyCode[] agencies)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return await StartAsync(servers, servers.Broker, await servers.CreateDatabaseAsync(), routerEnvironment, agencies);
    }

    /// <summary>As above, on another broker (e.g. a cluster, tests/Hub.IntegrationTests/Cluster) and with a given, empty ledger database.</summary>
    public static async Task<WorkerHub> StartAsync(ServersFixture servers, BrokerEndpoint broker, string ledger, IReadOnlyDictionary<string, string> routerEnvironment, params AgencyCode[] agencies)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(broker);
        await using (var admin = await BrokerClient.ConnectAsync(broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        var agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var hub = new WorkerHub(servers, broker, ledger, Directory.CreateTempSubdirectory("agencyhub-e2e-").FullName, RouterProcess.Start(broker, ledger, agreements, RouterProcess.NewSubjectKey(), routerEnvironment));
        try
        {
            await hub.UntilAsync(() => hub.ConsumersAsync(HubTopology.IngressQueue(AgencyCode.Probation)), n => n > 0, "the router to consume the ingress queues", TimeSpan.FromSeconds(90));
            await Task.WhenAll(agencies.Select(a => hub.StartAdapterAsync(hub.OnDisk(a))));
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return hub;
    }

    /// <summary>The default worker settings for <paramref name="agency"/> under <see cref="Root"/>; adjust with <c>with</c>.</summary>
    public AdapterSettings OnDisk(AgencyCode agency) => AdapterSettings.OnDisk(agency, Root);

    /// <summary>A new, empty database on the test Postgres, as an agency's own database.</summary>
    public Task<string> CreateAgencyDatabaseAsync() => _servers.CreateDatabaseAsync();

    public async Task<AdapterProcess> StartAdapterAsync(AdapterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var adapter = await AdapterProcess.StartAsync(_broker, settings);
        lock (_adapters)
        {
            _adapters.Add(settings.Agency, adapter);
        }

        return adapter;
    }

    public DropFolderLayout Source(AgencyCode agency) => new(_adapters[agency].Settings.SourceFolder);

    public SinkFolder Sink(AgencyCode agency) => new(_adapters[agency].Settings.SinkFolder ?? throw new InvalidOperationException($"{agency} has no drop-folder sink."));

    /// <summary>
    /// Puts a file in <paramref name="agency"/>'s inbox as a careful sender would: written beside it, then renamed in,
    /// so the source never sees it half-written.
    /// </summary>
    public async Task DropAsync(AgencyCode agency, string name, string content)
    {
        var layout = Source(agency);
        layout.Create();
        var staging = Path.Combine(layout.Root, name + ".staging");
        await File.WriteAllTextAsync(staging, content);
        File.Move(staging, Path.Combine(layout.Inbox, name));
    }

    /// <summary><see cref="Eventually.UntilAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?)"/>, failing with every process's last output.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await Eventually.UntilAsync(probe, done, what, timeout ?? TimeSpan.FromSeconds(180));
        }
        catch (ShouldAssertException ex)
        {
            throw new ShouldAssertException($"{ex.Message}\n{Describe()}", ex);
        }
    }

    public Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(probe()), done, what, timeout);

    /// <summary>The last output of the router and of every worker.</summary>
    public string Describe() =>
        string.Join("\n", [$"router ({(Router.HasExited ? "exited" : "running")}), last output:\n{Router.Output.Tail(30)}", .. _adapters.Values.Select(a => a.Describe())]);

    private async Task<uint> ConsumersAsync(string queue)
    {
        await using var admin = await BrokerClient.ConnectAsync(_broker, "hub-admin");
        return (await admin.QueueStateAsync(queue)).Consumers;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var adapter in _adapters.Values)
        {
            await adapter.DisposeAsync();
        }

        Router.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed clean-up must not hide the test's outcome.
        }
    }
}
