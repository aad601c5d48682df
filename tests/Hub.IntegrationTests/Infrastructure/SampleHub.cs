using System.Security.Cryptography;
using Hub.Contracts.Agencies;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The router on the sample agreements (samples/agreements) with a known subject key, and all five agencies'
/// adapters, each with its own broker user, against the test servers and a fresh ledger database.
/// </summary>
public sealed class SampleHub : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _running = [];

    private SampleHub(string ledger, string subjectKey)
    {
        Ledger = ledger;
        SubjectKey = subjectKey;
    }

    public string Ledger { get; }

    public string SubjectKey { get; }

    public Dictionary<AgencyCode, AdapterUnderTest> Adapters { get; } = [];

    public static async Task<SampleHub> StartAsync(ServersFixture servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        var hub = new SampleHub(await servers.CreateDatabaseAsync(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        hub._running.Add(await RouterUnderTest.StartAsync(servers.Broker, hub.Ledger, agreements, new Dictionary<string, string?> { ["Ledger:SubjectKey"] = hub.SubjectKey }));
        foreach (var agency in new[] { AgencyCode.Probation, AgencyCode.Police, AgencyCode.Jcp, AgencyCode.Nhs, AgencyCode.Council })
        {
            var adapter = await AdapterUnderTest.StartAsync(servers.Broker, agency);
            hub._running.Add(adapter);
            hub.Adapters[agency] = adapter;
        }

        return hub;
    }

    public AdapterUnderTest this[AgencyCode agency] => Adapters[agency];

    /// <summary>Submits through the source's adapter and waits until the router has ledgered a decision for every other agency.</summary>
    public async Task<IReadOnlyList<(string Recipient, string Outcome, string? Footing, string[] Reasons)>> DecideAsync(AgencyCode source, Hub.Contracts.Envelope.IShareableEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        await Adapters[source].SubmitAsync(@event);
        return await Eventually.UntilAsync(() => ConsentQueries.DecisionsAsync(Ledger, @event.Envelope.EventId), rows => rows.Count == 4, $"four decisions for {@event.GetType().Name}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }
    }
}
