using System.Globalization;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>The replay as a table an IG lead reads before sign-off: one line per recipient, event type, flow and change.</summary>
internal static class ReplayPrinter
{
    public static void Write(TextWriter output, ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Replayed {report.Decisions} recorded decision(s) of {report.Events} event(s) from {report.Since:yyyy-MM-dd HH:mm:ss}Z to {report.Until:yyyy-MM-dd HH:mm:ss}Z under draft {report.DraftHash}: {report.Changes.Sum(c => c.Count)} would change, {report.Unchanged} unchanged, {report.Undecided.Sum(u => u.Count)} undecided."));
        if (report.Changes.Count > 0)
        {
            output.WriteLine();
            Table(output, ["RECIPIENT", "EVENT TYPE", "FLOW", "WAS -> WOULD BE", "COUNT"], report.Changes.Select(c => new[]
            {
                c.Recipient, c.EventType, c.Flow, $"{c.Was} -> {c.WouldBe}{Fields("+", c.FieldsAdded)}{Fields("-", c.FieldsRemoved)}", c.Count.ToString(CultureInfo.InvariantCulture),
            }));
        }

        if (report.Undecided.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Not decided (the ledger does not hold what the draft would need):");
            Table(output, ["RECIPIENT", "EVENT TYPE", "WHY", "COUNT"], report.Undecided.Select(u => new[] { u.Recipient, u.EventType, u.Reason, u.Count.ToString(CultureInfo.InvariantCulture) }));
        }
    }

    private static string Fields(string sign, IReadOnlyList<string> fields) => fields.Count == 0 ? string.Empty : $" (fields {sign}{string.Join($" {sign}", fields)})";

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
