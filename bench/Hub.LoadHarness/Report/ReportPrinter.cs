using System.Globalization;
using Hub.LoadHarness.Measure;

namespace Hub.LoadHarness.Report;

/// <summary>The report as a plain-text table for the console.</summary>
public static class ReportPrinter
{
    public static void Print(LoadReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var b = report.Baseline;
        output.WriteLine(Line($"AgencyHub load harness, {report.StartedAt:yyyy-MM-dd HH:mm}Z on {report.Machine}"));
        output.WriteLine();
        output.WriteLine(Line($"Raw RabbitMQ baseline ({b.MessageBytes} B persistent messages, confirms, quorum queue, manual acks)"));
        output.WriteLine(Line($"  throughput      {b.MessagesPerSecond,10:N0} msg/s   ({b.Messages:N0} messages)"));
        output.WriteLine(Line($"  paced latency   {Latency(b.Paced)}   ({b.Paced.Count} at {b.PacedRate:0.#}/s)"));
        output.WriteLine();
        Phase(output, "Hub burst: one release list", report.Burst);
        Phase(output, $"Hub paced: one-row files at {report.Settings.PacedRate:0.#}/s", report.Paced);
        output.WriteLine(Line($"Ratios to the baseline"));
        output.WriteLine(Line($"  events/s       {report.EventThroughputRatio,8:P2} of raw msg/s"));
        output.WriteLine(Line($"  deliveries/s   {report.DeliveryThroughputRatio,8:P2} of raw msg/s"));
        output.WriteLine(Line($"  latency p50    {report.LatencyRatioP50,8:N1}x raw     p99 {report.LatencyRatioP99:N1}x raw"));
    }

    private static void Phase(TextWriter output, string title, PhaseResult phase)
    {
        output.WriteLine(Line($"{title} ({phase.Events:N0} events, {phase.Deliveries:N0} deliveries in {phase.Seconds:N1} s)"));
        output.WriteLine(Line($"  events/s        {phase.EventsPerSecond,10:N1}"));
        output.WriteLine(Line($"  deliveries/s    {phase.DeliveriesPerSecond,10:N1}   ({string.Join(", ", phase.DeliveriesByRecipient.Select(r => $"{r.Key} {r.Value}"))}; {phase.NoneShared} events shared with no one)"));
        if (phase.SourceRowsPerSecond is { } source)
        {
            output.WriteLine(Line($"  source rows/s   {source,10:N1}   (probation worker: read, map, publish with confirm, checkpoint; done after {phase.SourceSeconds:N1} s)"));
        }

        output.WriteLine(Line($"  drop-to-sink    {Latency(phase.Latency)}"));
        output.WriteLine();
    }

    private static string Latency(LatencySummary l) => Line($"p50 {l.P50,8:N1} ms  p95 {l.P95,8:N1} ms  p99 {l.P99,8:N1} ms  max {l.Max,8:N1} ms");

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
