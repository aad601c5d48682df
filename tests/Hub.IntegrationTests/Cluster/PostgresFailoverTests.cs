using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Npgsql;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// The router's ledger on a Postgres primary with a synchronous standby (scripts/servers/postgres-ha.sh), its
/// connection string naming both with <c>Target Session Attributes=read-write</c>, sealing every second. The primary is
/// killed with SIGKILL mid-stream, a second release list is dropped while no server accepts writes, and the standby is
/// promoted: the router waits the failover out (Router:DatabaseFailoverWindow) and finds the new primary by itself,
/// nothing acknowledged is lost or decided twice, and <c>hub audit verify</c> finds the hash chain intact and complete
/// over every row, seals written before and after the failover alike (docs/adr/0008).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class PostgresFailoverTests(ServersFixture servers, PostgresHaFixture pair) : IClassFixture<PostgresHaFixture>
{
    private const int BeforeKill = 300;
    private const int DuringFailover = 300;

    [Fact]
    public async Task When_the_primary_is_killed_and_the_standby_promoted_should_lose_nothing_and_keep_the_chain_intact()
    {
        var ledger = await pair.CreateDatabaseAsync();
        var router = new Dictionary<string, string> { ["Ledger__Integrity__SealInterval"] = "00:00:01" };
        await using var hub = await WorkerHub.StartAsync(servers, servers.Broker, ledger, router, AgencyCode.Probation, AgencyCode.Police);

        await hub.DropAsync(AgencyCode.Probation, "release-list-2026-11-21.csv", ReleaseListCsv.NewNotices(1, BeforeKill));
        await hub.UntilAsync(() => SealsAsync(ledger), n => n > 0, "the first rows decided and sealed");
        await pair.KillPrimaryAsync();
        await hub.DropAsync(AgencyCode.Probation, "release-list-2026-11-22.csv", ReleaseListCsv.NewNotices(BeforeKill + 1, DuringFailover));
        await pair.PromoteAsync();

        await FailoverChecks.ShouldHaveLedgeredAndDeliveredEveryRowOnceAsync(hub, BeforeKill + DuringFailover);
        var (exit, output, errors) = await hub.UntilAsync(
            () => HubCli.RunAsync("audit", "verify", "--postgres", ledger),
            run => run.ExitCode != 0 || run.Output.Contains(" 0 row(s) not yet sealed", StringComparison.Ordinal),
            "every row sealed");
        exit.ShouldBe(0, $"{output}\n{errors}");
        output.ShouldContain($"{(BeforeKill + DuringFailover) * FailoverChecks.CandidateRecipients} row(s) verified");
    }

    private static async Task<long> SealsAsync(string ledger)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(ledger);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM ledger_seals");
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // The router has not created its schema yet.
        }
    }
}
