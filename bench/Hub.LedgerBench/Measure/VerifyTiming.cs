using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.LedgerBench.Measure;

/// <summary>Runs <c>hub audit verify --postgres</c> on the generated ledger and reads its verdict.</summary>
public static partial class VerifyTiming
{
    public static async Task<VerifyResult> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        var run = await HubCommand.RunAsync(["audit", "verify", "--postgres", connectionString], cancellationToken);
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
            run.PeakMemoryMiB);
    }

    [GeneratedRegex(@"(?<seals>\d+) seal\(s\), (?<rows>\d+) row\(s\) verified.*; (?<unsealed>\d+) row\(s\) not yet sealed")]
    private static partial Regex Counts();
}
