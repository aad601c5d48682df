using System.Globalization;
using System.Text.Json;

namespace Hub.LoadHarness.Chaos;

/// <summary>A scenario's result: a summary on standard output, the JSON file of <c>--out</c>, the table row of <c>--row</c>.</summary>
public static class ChaosReport
{
    /// <summary>The table's columns, in scripts/chaos.sh's order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["scenario", "events", "lost", "duplicate effects", "recovery time", "verify", "result"];

    public static async Task WriteAsync(ChaosResult result, ChaosSettings settings, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        var tally = result.Tally;
        Console.WriteLine($"scenario            {result.Scenario} (seed {result.Seed})");
        Console.WriteLine($"fault               {result.Fault}");
        Console.WriteLine($"fault after         {Count(result.FaultAfterDecisions)} of {result.Events:N0} events decided");
        Console.WriteLine($"lost                {Count(tally?.Lost)} (undecided {Count(tally?.Undecided)}, allowed without delivery {Count(tally?.AllowedWithoutDelivery)}, not written {Count(tally?.Unwritten)})");
        Console.WriteLine($"duplicate effects   {Count(tally?.DuplicateEffects)} (decisions {Count(tally?.DuplicateDecisions)}, sink documents {Count(tally?.DuplicateDocuments)})");
        Console.WriteLine($"unaccounted         {Count(tally?.Unaccounted)} (deliveries without decision {Count(tally?.DeliveriesWithoutDecision)}, documents not queued {Count(tally?.DocumentsNotQueued)})");
        Console.WriteLine($"recovery / repair   {ChaosRun.Format(result.RecoverySeconds)} / {ChaosRun.Format(result.RepairSeconds)}");
        Console.WriteLine($"audit verify        {result.Verify}");
        Console.WriteLine($"dead letters        {Count(result.DeadLetters)}");
        Console.WriteLine($"processes           {(result.NotRunning.Count == 0 ? "all running" : "not running: " + string.Join(", ", result.NotRunning))}; {(result.Consuming ? "every queue consumed" : "a queue has no consumer")}");
        Console.WriteLine($"run                 {result.Seconds:0.0} s");
        Console.WriteLine($"result              {(result.Passed ? "PASS" : "FAIL")}{(result.Error is { } error ? ": " + error : string.Empty)}");
        if (settings.Out is { } path)
        {
            await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(result, json), cancellationToken);
        }

        if (settings.Row is { } row)
        {
            string[] cells = [result.Scenario, result.Events.ToString(CultureInfo.InvariantCulture), Count(tally?.Lost), Count(tally?.DuplicateEffects), ChaosRun.Format(result.RecoverySeconds), result.Verify, result.Passed ? "PASS" : "FAIL"];
            await File.AppendAllTextAsync(row, string.Join('\t', cells) + "\n", cancellationToken);
        }
    }

    private static string Count(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";
}
