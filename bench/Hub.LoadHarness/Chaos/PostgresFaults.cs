using System.Globalization;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Chaos;

/// <summary>The ledger database's faults: the primary killed and the standby promoted; the single server crash-restarted.</summary>
public static class PostgresFaults
{
    private static readonly TimeSpan BeforePromotion = TimeSpan.FromSeconds(3);
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>kill -9 of the primary, the standby promoted three seconds later.</summary>
    public static async Task<string> FailOverAsync(ServerEnvironment servers, string logPath, Action injected, CancellationToken cancellationToken)
    {
        if (servers.Faults is not { PostgresPair: { } script, PostgresPairState: { } state })
        {
            throw new InvalidOperationException("postgres-failover needs the Postgres pair (AGENCYHUB_TEST_POSTGRES_HA and _HA_STATE, from scripts/servers/postgres-ha.sh).");
        }

        injected();
        await ServerCommand.RunAsync(script, ["kill-primary", state], None, logPath, cancellationToken);
        await Task.Delay(BeforePromotion, cancellationToken);
        await ServerCommand.RunAsync(script, ["promote", state], None, logPath, cancellationToken);
        return "primary killed, standby promoted";
    }

    /// <summary>kill -9 of the postmaster and every process it started, then the server started again (same data).</summary>
    public static async Task<string> CrashRestartAsync(ServerEnvironment servers, string logPath, Action injected, CancellationToken cancellationToken)
    {
        var restart = servers.Faults.PostgresRestart
            ?? throw new InvalidOperationException("postgres-restart needs AGENCYHUB_TEST_POSTGRES_RESTART (scripts/servers/postgres.sh exports it).");
        var postmaster = (await PostgresServer.InspectAsync(servers.PostgresAdmin, cancellationToken)).Postmaster
            ?? throw new InvalidOperationException("postgres-restart needs the Postgres server on this machine (its postmaster was not found).");
        var pid = postmaster.ToString(CultureInfo.InvariantCulture);
        // The backends first, then (the arguments, "$@") the postmaster.
        injected();
        await ServerCommand.RunAsync("kill -KILL $(ps -o pid= --ppid \"$1\")", [pid], None, logPath, cancellationToken);
        await ServerCommand.RunAsync(restart, [], None, logPath, cancellationToken);
        return "postmaster and backends killed, server started again";
    }
}
