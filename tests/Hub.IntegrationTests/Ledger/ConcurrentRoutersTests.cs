using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// Four router processes share one broker and one ledger, each inserting rows and each running the background
/// sealer (one seals at a time). Their transactions commit out of seq order; if the sealer ever sealed past a row
/// still to commit, that row would later show up inside a sealed range and verification would fail.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ConcurrentRoutersTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Routers = 4;
    private const int Releases = 300;
    private const int Forged = 40;
    private const long ExpectedRows = Releases * 4L + Forged;

    private BrokerClient _admin = null!;
    private BrokerClient _probation = null!;
    private BrokerClient _police = null!;
    private LedgerDatabase _database = null!;
    private string _agreements = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
        _police = await BrokerClient.ConnectAsync(servers.Broker, "adapter-police");
        _database = await LedgerDatabase.CreateAsync(servers);
        _agreements = TestAgreements.WriteFolder();
    }

    public async Task DisposeAsync()
    {
        await _police.DisposeAsync();
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task When_four_routers_write_and_seal_concurrently_should_seal_a_complete_chain_over_every_row()
    {
        var key = RouterProcess.NewSubjectKey();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__LedgerAdmin"] = _database.Admin,
            ["Ledger__Integrity__RequireAppendOnly"] = "true",
            ["Ledger__Integrity__SealInterval"] = "00:00:00.100",
            ["Ledger__Integrity__SealBatchSize"] = "25",
        };
        var routers = Enumerable.Range(0, Routers).Select(_ => RouterProcess.Start(servers.Broker, _database.Runtime, _agreements, key, settings)).ToList();
        try
        {
            var forged = 0;
            for (var i = 0; i < Releases; i++)
            {
                await _probation.PublishAsync(HubTopology.SubmitExchange(AgencyCode.Probation), MassTransitEnvelope.For(Events.Release()));
                if (i % (Releases / Forged) == 0 && forged++ < Forged)
                {
                    // Police claiming to be probation: a rejection row, written by the single-statement path.
                    await _police.PublishAsync(HubTopology.SubmitExchange(AgencyCode.Police), MassTransitEnvelope.For(Events.Release(claimedSource: AgencyCode.Probation)));
                }
            }

            await Eventually.UntilAsync(() => RowsAsync(), n => n >= ExpectedRows, "a row for every decision and rejection", TimeSpan.FromSeconds(180));
            await Eventually.UntilAsync(() => UnsealedAsync(), n => n == 0, "the sealers to catch up", TimeSpan.FromSeconds(60));
            routers.ShouldAllBe(r => !r.HasExited, "no router died, e.g. refusing a ledger that is not append-only");

            var result = await _database.Verifier().VerifyAsync(CancellationToken.None);

            result.IsIntact.ShouldBeTrue(result.Break?.ToString());
            (result.RowsVerified, result.UnsealedRows).ShouldBe((ExpectedRows, 0L));
            result.SealsVerified.ShouldBeGreaterThanOrEqualTo(ExpectedRows / 25);
            (await _database.CountAsync("SELECT count(*) FROM ledger_entries")).ShouldBe(ExpectedRows);
            (await _database.CountAsync("SELECT count(DISTINCT (event_id, recipient)) FROM ledger_entries WHERE kind = 'decision'")).ShouldBe(Releases * 4L);
            (await _database.CountAsync("SELECT count(*) FROM ledger_entries WHERE kind = 'rejection'")).ShouldBe(Forged);
        }
        finally
        {
            routers.ForEach(r => r.Dispose());
        }
    }

    private async Task<long> RowsAsync()
    {
        try
        {
            return await _database.CountAsync("SELECT count(*) FROM ledger_entries");
        }
        catch (Npgsql.PostgresException)
        {
            return -1; // The schema is not there yet.
        }
    }

    private async Task<long> UnsealedAsync()
    {
        // A broken chain ends the wait: the assertions after it report the break.
        var result = await _database.Verifier().VerifyAsync(CancellationToken.None);
        return result.IsIntact ? result.UnsealedRows : 0;
    }
}
