using System.Globalization;
using Hub.LoadHarness.Baseline.Relay;
using Hub.LoadHarness.Measure;
using Hub.LoadHarness.Pacing;

namespace Hub.LoadHarness.Report;

/// <summary>The report as plain text for the console: settings, baselines, the hub's phases, the ratios, then where the burst's time went.</summary>
public static class ReportPrinter
{
    public static void Print(LoadReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var d = report.Durability;
        output.WriteLine(Line($"AgencyHub load harness, {report.StartedAt:yyyy-MM-dd HH:mm}Z on {report.Machine}"));
        output.WriteLine(Line($"  postgres        fsync={d.PostgresFsync}, synchronous_commit={d.PostgresSynchronousCommit}, full_page_writes={d.PostgresFullPageWrites} ({(d.ProductionDurability ? "production durability" : "NOT production durability: commits may not reach the disk")})"));
        output.WriteLine(Line($"  rabbitmq        scheduler busy-wait {d.BrokerSchedulerBusyWait}"));
        output.WriteLine(Line($"  hub processes   log level {d.HubLogLevel}; warm-up of {report.Warmup.Events:N0} events before timing"));
        output.WriteLine();
        Baselines(report, output);
        Burst(report.Burst, output);
        Paced(report, output);
        Ratios(report, output);
        ResourcePrinter.Print(report, output);
        output.WriteLine();
        output.WriteLine(report.Complete
            ? "Completeness: every event of every phase decided once, every queued delivery written once in effect."
            : "Completeness: FAILED (see the phases' completeness lines above).");
    }

    private static void Baselines(LoadReport report, TextWriter output)
    {
        if (report.SingleQueue is { } single)
        {
            output.WriteLine(Line($"Single-queue baseline ({single.MessageBytes} B persistent messages, confirms, one quorum queue, manual acks)"));
            output.WriteLine(Line($"  throughput      {single.MessagesPerSecond,10:N0} msg/s   ({single.Messages:N0} messages)"));
            foreach (var paced in single.Paced)
            {
                output.WriteLine(Line($"  paced {Rate(paced)}  {Latency(paced.Latency)}   publish to consume"));
            }

            output.WriteLine();
        }

        if (report.Relay is { } relay)
        {
            output.WriteLine(Line($"Fan-out relay baseline (ingress quorum queue, relay republishes to {relay.Recipients} delivery quorum queues with confirms, acks after all {relay.Recipients}; {relay.MessageBytes} B persistent)"));
            output.WriteLine(Line($"  events/s        {relay.EventsPerSecond,10:N0}   ({relay.Events:N0} events in {relay.Seconds:N1} s)"));
            output.WriteLine(Line($"  deliveries/s    {relay.DeliveriesPerSecond,10:N0}   ({relay.Deliveries:N0} deliveries)"));
            foreach (var paced in relay.Paced)
            {
                output.WriteLine(Line($"  paced {Rate(paced)}  {Latency(paced.Latency)}   publish to last of {relay.Recipients} deliveries"));
            }

            output.WriteLine();
        }
    }

    private static void Burst(PhaseResult burst, TextWriter output)
    {
        output.WriteLine(Line($"Hub burst: one release list through the probation drop folder ({burst.Events:N0} events, {burst.Deliveries:N0} deliveries in {burst.Seconds:N1} s)"));
        output.WriteLine(Line($"  events/s        {burst.EventsPerSecond,10:N1}"));
        output.WriteLine(Line($"  deliveries/s    {burst.DeliveriesPerSecond,10:N1}   ({string.Join(", ", burst.DeliveriesByRecipient.Select(r => $"{r.Key} {r.Value}"))}; {burst.NoneShared} events shared with no one)"));
        if (burst.SourceRowsPerSecond is { } source)
        {
            output.WriteLine(Line($"  source rows/s   {source,10:N1}   (probation worker: read, map, publish with confirm, checkpoint; done after {burst.SourceSeconds:N1} s)"));
        }

        output.WriteLine(Line($"  drop-to-sink    {Latency(burst.Latency)}   (in a burst, mostly queueing)"));
        if (burst.BrokerRestart is { } restart)
        {
            output.WriteLine(Line($"  broker restart  killed (SIGKILL) {restart.AtSeconds:N1} s into the burst, restarted in {restart.DownSeconds:N1} s"));
        }

        output.WriteLine(Line($"  completeness    {Completeness(burst.Completeness)}"));
        output.WriteLine();
    }

    private static void Paced(LoadReport report, TextWriter output)
    {
        if (report.Paced.Count == 0)
        {
            return;
        }

        output.WriteLine(Line($"Hub paced: release notices offered one at a time (open loop) for {report.Settings.PacedSeconds:0.#} s per rate; latency from the POST or the drop to the sink write"));
        foreach (var phase in report.Paced)
        {
            var path = phase.Path == FeedPath.Http ? "HTTP   " : "drop   ";
            var relay = report.Relay?.Paced.FirstOrDefault(p => p.Rate == phase.Rate)?.Latency;
            output.WriteLine(Line($"  {phase.Rate,5:0.#}/s {path} {Latency(phase.Result.Latency)}   (offered {phase.OfferedRate:N1}/s, {phase.Result.Events:N0} events){(relay is null ? string.Empty : $"   relay p99 {relay.P99:N1} ms")}"));
            if (!phase.Result.Completeness.IsComplete)
            {
                output.WriteLine(Line($"                 completeness {Completeness(phase.Result.Completeness)}"));
            }
        }

        output.WriteLine();
    }

    private static void Ratios(LoadReport report, TextWriter output)
    {
        var ratios = report.Ratios;
        if (report.Relay is null)
        {
            output.WriteLine("Headline ratios: none (--skip-baselines)");
            output.WriteLine();
            return;
        }

        output.WriteLine("Headline ratios: hub ÷ fan-out relay, same run, same broker");
        output.WriteLine(Line($"  events/s        {ratios.EventsVsRelay,10:P2} of the relay's"));
        output.WriteLine(Line($"  deliveries/s    {ratios.DeliveriesVsRelay,10:P2} of the relay's"));
        foreach (var paced in ratios.PacedVsRelay)
        {
            output.WriteLine(Line($"  p99 at {paced.Rate,5:0.#}/s  HTTP {Times(paced.HttpP99)} relay   drop folder {Times(paced.DropFolderP99)} relay   (p50: HTTP {Times(paced.HttpP50)}, drop {Times(paced.DropFolderP50)})"));
        }

        if (ratios.EventsVsSingleQueue is { } single)
        {
            output.WriteLine(Line($"  (events/s as a share of the single-queue baseline's msg/s: {single:P2})"));
        }

        output.WriteLine();
    }

    private static string Rate(PacedRate paced) => Line($"{paced.Rate,5:0.#}/s");

    private static string Times(double? ratio) => ratio is { } r && double.IsFinite(r) ? Line($"{r,6:N1}×") : "     –";

    private static string Completeness(Completeness c) => Line(
        $"{(c.IsComplete ? "complete" : "INCOMPLETE")}: {c.Decided:N0}/{c.Events:N0} events decided, {c.DuplicateDecisions} decided twice, {c.Written:N0}/{c.Queued:N0} queued deliveries written, {c.Unexpected} unexpected");

    public static string Latency(LatencySummary l) => Line($"p50 {l.P50,8:N1} ms  p95 {l.P95,8:N1} ms  p99 {l.P99,8:N1} ms  max {l.Max,8:N1} ms");

    public static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
