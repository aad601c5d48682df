using System.Diagnostics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.IntegrationTests.Resilience;

/// <summary>
/// The delivery guarantee under failure (architecture §7, docs/adr/0003): a router killed with SIGKILL, or a
/// Postgres restart, in the middle of a stream loses no event and produces no second effect. Transport-level
/// duplicates may occur, always with the same delivery id, which recipients drop.
/// </summary>
[Collection(ServersGroup.Name)]
public class CrashRecoveryTests(ServersFixture servers) : IAsyncLifetime
{
    // Enough that the router, deciding up to 128 events at once with 256 prefetched, is killed with hundreds in flight.
    private const int EventCount = 1500;
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);

    private BrokerClient _admin = null!;
    private BrokerClient _probation = null!;
    private string _ledger = null!;
    private string _agreements = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
        _ledger = await servers.CreateDatabaseAsync();
        _agreements = TestAgreements.WriteFolder();
    }

    public async Task DisposeAsync()
    {
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task When_the_router_is_killed_mid_stream_should_lose_nothing_and_duplicate_no_effect()
    {
        var key = RouterProcess.NewSubjectKey();
        var events = await PublishStreamAsync();
        using (var first = RouterProcess.Start(servers.Broker, _ledger, _agreements, key))
        {
            // Kill once part of the stream is decided, while the rest is in flight or queued.
            await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount, "part of the stream to be decided", TimeSpan.FromSeconds(90));
            first.HasExited.ShouldBeFalse();
            await first.KillAsync();
        }

        (await DecisionCountAsync()).ShouldBeLessThan(EventCount * 4L, "the kill must land mid-stream for this test to mean anything");

        using (RouterProcess.Start(servers.Broker, _ledger, _agreements, key))
        {
            await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount * 4, "a decision for every candidate recipient of every event", TimeSpan.FromSeconds(120));
            await Eventually.UntilAsync(() => UnsentAsync(), n => n == 0, "every committed delivery to be sent", TimeSpan.FromSeconds(60));
        }

        await ShouldHaveDeliveredEachEventOnceAsync(events);
    }

    [Fact]
    public async Task When_postgres_restarts_mid_stream_should_lose_nothing_and_duplicate_no_effect()
    {
        var restart = Environment.GetEnvironmentVariable("AGENCYHUB_TEST_POSTGRES_RESTART")
            ?? throw new InvalidOperationException("AGENCYHUB_TEST_POSTGRES_RESTART is not set: run through scripts/test.sh, which starts a Postgres it can restart.");
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, _agreements);
        var events = await PublishStreamAsync();
        await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount, "part of the stream to be decided", TimeSpan.FromSeconds(90));

        using (var bash = Process.Start(new ProcessStartInfo("bash", ["-c", restart]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await bash.WaitForExitAsync();
            bash.ExitCode.ShouldBe(0, await bash.StandardError.ReadToEndAsync());
        }

        // Every pooled connection this test process holds was terminated by the restart (57P01); the tests that run
        // after this one must not be handed one of them.
        Npgsql.NpgsqlConnection.ClearAllPools();

        await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount * 4, "a decision for every candidate recipient of every event", TimeSpan.FromSeconds(120));
        await Eventually.UntilAsync(() => UnsentAsync(), n => n == 0, "every committed delivery to be sent", TimeSpan.FromSeconds(60));
        await ShouldHaveDeliveredEachEventOnceAsync(events);
    }

    [Fact]
    public async Task When_the_broker_is_killed_and_restarted_mid_stream_should_lose_nothing_duplicate_no_effect_and_still_verify()
    {
        var restart = Environment.GetEnvironmentVariable("AGENCYHUB_TEST_RABBITMQ_RESTART")
            ?? throw new InvalidOperationException("AGENCYHUB_TEST_RABBITMQ_RESTART is not set: run through scripts/test.sh, which starts a RabbitMQ node it can restart.");
        // The whole stream is queued first, so the router is mid-stream (not waiting on this publisher) when the broker dies.
        var events = await PublishStreamAsync();
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, _agreements, new Dictionary<string, string?>
        {
            // Seal every second, so seals are cut while redelivered events commit after the restart (the race ADR 0008 records).
            ["Ledger:Integrity:SealInterval"] = "00:00:01",
        });
        await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount, "part of the stream to be decided", TimeSpan.FromSeconds(90));
        (await DecisionCountAsync()).ShouldBeLessThan(EventCount * 4L, "the crash must land mid-stream for this test to mean anything");

        // SIGKILL the node, then start it again on the same data: a crash, not a clean shutdown.
        var start = new ProcessStartInfo("bash", ["-c", restart]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AGENCYHUB_RABBITMQ_FAST_STOP"] = "1";
        using (var bash = Process.Start(start)!)
        {
            await bash.WaitForExitAsync();
            bash.ExitCode.ShouldBe(0, await bash.StandardError.ReadToEndAsync());
        }

        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");

        await Eventually.UntilAsync(() => DecisionCountAsync(), n => n >= EventCount * 4, "a decision for every candidate recipient of every event", TimeSpan.FromSeconds(180));
        await Eventually.UntilAsync(() => UnsentAsync(), n => n == 0, "every committed delivery to be sent", TimeSpan.FromSeconds(90));
        await ShouldHaveDeliveredEachEventOnceAsync(events);

        var sealing = await router.Services.GetRequiredService<ILedgerSealer>().SealAsync(CancellationToken.None);
        var verification = await new LedgerVerifier(router.Services.GetRequiredService<ILedgerStore>(), router.Services.GetRequiredService<ILedgerChainStore>()).VerifyAsync(CancellationToken.None);
        sealing.Deferred.ShouldBeNull();
        verification.IsIntact.ShouldBeTrue(verification.Break?.ToString());
        verification.UnsealedRows.ShouldBe(0);
    }

    private async Task<IReadOnlyList<Guid>> PublishStreamAsync()
    {
        var ids = new List<Guid>(EventCount);
        for (var i = 0; i < EventCount; i++)
        {
            var release = Events.Release();
            ids.Add(release.Envelope.EventId);
            await _probation.PublishAsync(Submit, MassTransitEnvelope.For(release));
        }

        return ids;
    }

    private async Task ShouldHaveDeliveredEachEventOnceAsync(IReadOnlyList<Guid> events)
    {
        // The ledger: exactly one decision per (event, candidate recipient), nothing rejected or failed.
        await using var dataSource = NpgsqlDataSource.Create(_ledger);
        await using (var command = dataSource.CreateCommand("SELECT count(*), count(DISTINCT (event_id, recipient)), count(*) FILTER (WHERE kind = 'rejection') FROM ledger_entries"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)).ShouldBe((events.Count * 4L, events.Count * 4L, 0L));
        }

        // The recipients: every event reached police and JCP; any repeat carries the same delivery id.
        foreach (var agency in new[] { AgencyCode.Police, AgencyCode.Jcp })
        {
            var deliveries = DrainedDeliveries.Ids(await _admin.DrainAsync(HubTopology.DeliveryQueue(agency)));
            deliveries.Select(d => d.EventId).Distinct().Order().ShouldBe(events.Order(), $"{agency}: every event delivered, none lost");
            deliveries.GroupBy(d => d.EventId).ShouldAllBe(g => g.Select(d => d.DeliveryId).Distinct().Count() == 1, $"{agency}: a repeat is the same delivery");
        }

        (await _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error")).ShouldBeEmpty("nothing dead-lettered");
        (await _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Nhs))).ShouldBeEmpty("denied recipients received nothing");
    }

    private async Task<long> DecisionCountAsync() => await ScalarAsync("SELECT count(*) FROM ledger_entries WHERE kind = 'decision'");

    private async Task<long> UnsentAsync() => await ScalarAsync("SELECT count(*) FROM outbox_deliveries o WHERE o.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = o.delivery_id)");

    private async Task<long> ScalarAsync(string sql)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(_ledger);
            await using var command = dataSource.CreateCommand(sql);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException)
        {
            // Not created yet, or Postgres is restarting: ask again.
            return -1;
        }
    }
}
