using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Operations;

/// <summary>
/// What the operations tests run against: the hub's queues purged, a fresh ledger database, a router on the real
/// broker with the test agreements, and broker clients as the probation adapter and as the broker's admin.
/// </summary>
public sealed class OperationsRig : IAsyncDisposable
{
    private OperationsRig(string agreements, string ledger, RouterUnderTest router, BrokerClient probation, BrokerClient admin)
    {
        Agreements = agreements;
        Ledger = ledger;
        Router = router;
        Probation = probation;
        Admin = admin;
    }

    public string Agreements { get; }

    public string Ledger { get; }

    public RouterUnderTest Router { get; }

    public BrokerClient Probation { get; }

    public BrokerClient Admin { get; }

    public static async Task<OperationsRig> StartAsync(ServersFixture servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var agreements = TestAgreements.WriteFolder();
        var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await admin.PurgeHubQueuesAsync();
        var ledger = await servers.CreateDatabaseAsync();
        var router = await RouterUnderTest.StartAsync(servers.Broker, ledger, agreements);
        var probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
        return new OperationsRig(agreements, ledger, router, probation, admin);
    }

    public async ValueTask DisposeAsync()
    {
        await Router.DisposeAsync();
        await Probation.DisposeAsync();
        await Admin.DisposeAsync();
    }
}
