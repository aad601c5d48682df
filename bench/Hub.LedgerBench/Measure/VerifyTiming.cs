using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Hub.LedgerBench.Measure;

/// <summary>Runs <c>hub audit verify --postgres</c> on the generated ledger and reads its verdict.</summary>
public static partial class VerifyTiming
{
    /// <param name="dataSource">The bench's own pool on the same database: it asks which backends serve the command.</param>
    public static async Task<VerifyResult> RunAsync(string connectionString, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var before = (await BackendsAsync(dataSource, cancellationToken)).ToHashSet();
        var run = await HubCommand.RunAsync(
            ["audit", "verify", "--postgres", connectionString],
            async token => [.. (await BackendsAsync(dataSource, token)).Where(pid => !before.Contains(pid))],
            cancellationToken);
        var verdict = run.Output.Split('\n').FirstOrDefault(l => l.StartsWith("Ledger ", StringComparison.Ordinal))?.Trim()
            ?? throw new InvalidOperationException($"hub audit verify printed no verdict (exit {run.ExitCode}): {run.Errors.Trim()}");
        var counts = Counts().Match(verdict);
        return new VerifyResult(
            run.ExitCode == 0,
            verdict,
            counts.Success ? long.Parse(counts.Groups["seals"].Value, CultureInfo.InvariantCulture) : 0,
            counts.Success ? long.Parse(counts.Groups["rows"].Value, CultureInfo.InvariantCulture) : 0,
            counts.Success ? long.Parse(counts.Groups["unsealed"].Value, CultureInfo.InvariantCulture) : 0,
            run.Seconds,
            run.PeakMemoryMiB,
            run.ClientCpuSeconds,
            run.ServerCpuSeconds);
    }

    /// <summary>The client backends on this database other than the asking one: the command's connections.</summary>
    private static async Task<IReadOnlyList<int>> BackendsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    [GeneratedRegex(@"(?<seals>\d+) seal\(s\), (?<rows>\d+) row\(s\) verified.*; (?<unsealed>\d+) row\(s\) not yet sealed")]
    private static partial Regex Counts();
}
