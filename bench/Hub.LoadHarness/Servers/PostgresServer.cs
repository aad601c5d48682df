using Hub.LoadHarness.Resources;
using Npgsql;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// What the Postgres server says about its durability (read back, not assumed), and its postmaster's pid when it runs on
/// this machine: the parent of the backend serving this connection.
/// </summary>
public static class PostgresServer
{
    public static async Task<(string Fsync, string SynchronousCommit, string FullPageWrites, int? Postmaster)> InspectAsync(string admin, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var (fsync, synchronous, fullPages) = (await Show("fsync"), await Show("synchronous_commit"), await Show("full_page_writes"));
        await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backendPid = (int)(await backend.ExecuteScalarAsync(cancellationToken))!;
        var postmaster = ProcStat.ParentOf(backendPid) is { } parent && ProcStat.CommandLine(parent) is [var program, ..] && program.Contains("postgres", StringComparison.Ordinal)
            ? parent
            : (int?)null;
        return (fsync, synchronous, fullPages, postmaster);
    }
}
