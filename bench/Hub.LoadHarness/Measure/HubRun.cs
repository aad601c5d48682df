using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.LoadHarness.Feed;
using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Servers;
using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Measure;

/// <summary>
/// The two phases through the real stack: a burst (one release list of many rows, as a prison's list arrives) for
/// throughput, then one-row files at a steady rate for latency. A phase ends when the ledger holds a decision for every
/// event and every delivery it queued has been written by its recipient's sink.
/// </summary>
public sealed class HubRun(RunningHub stack, HarnessSettings settings, ServerEnvironment servers)
{
    // Once a second: the harness shares the machine with what it measures. Times come from the sink files, not the poll.
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    private readonly DropFolderLayout _probation = new(stack.Agencies[AgencyCode.Probation].Source);
    private readonly SinkScanner _sinks = new(stack.Agencies.ToDictionary(a => a.Key.Value, a => a.Value.Sink));

    public async Task<PhaseResult> BurstAsync(IReadOnlyList<ReleaseNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        const string name = "release-list-load-burst.csv";
        var dropped = new DropWriter(_probation.Inbox).Drop(name, notices);
        var result = await CompleteAsync(notices.ToDictionary(ReleaseFeed.EventIdOf, _ => dropped), cancellationToken);
        var report = await CheckReportAsync(name, notices.Count, cancellationToken);
        return result with { SourceSeconds = (report.CompletedAt - dropped).TotalSeconds };
    }

    public async Task<PhaseResult> PacedAsync(IReadOnlyList<ReleaseNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var writer = new DropWriter(_probation.Inbox);
        var dropped = new Dictionary<Guid, DateTimeOffset>();
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1 / settings.PacedRate));
        for (var i = 0; i < notices.Count && await pace.WaitForNextTickAsync(cancellationToken); i++)
        {
            dropped[ReleaseFeed.EventIdOf(notices[i])] = writer.Drop($"release-list-load-paced-{i:00000}.csv", [notices[i]]);
        }

        return await CompleteAsync(dropped, cancellationToken);
    }

    private async Task<PhaseResult> CompleteAsync(IReadOnlyDictionary<Guid, DateTimeOffset> dropped, CancellationToken cancellationToken)
    {
        var events = dropped.Keys.ToArray();
        await using var ledger = new LedgerProbe(stack.Ledger);
        await using var deadLetters = new DeadLetterProbe(servers);
        var deadBefore = await deadLetters.CountAsync(cancellationToken);
        var deadline = TimeProvider.System.GetUtcNow() + HarnessSettings.PhaseTimeout(events.Length);
        for (var poll = 0; ; poll++)
        {
            var progress = await ledger.ProgressAsync(events, cancellationToken);
            if (progress.Rejected > 0)
            {
                throw new InvalidOperationException($"The router rejected {progress.Rejected} of the phase's events; see the router log under {settings.WorkRoot}/logs.");
            }

            if (Directory.EnumerateFiles(_probation.Quarantine).FirstOrDefault() is { } quarantined)
            {
                throw new InvalidOperationException($"The probation worker quarantined rows of the feed ({Path.GetFileName(quarantined)}): its reasons column says why.");
            }

            // Every other poll: the probe opens a channel per queue, load the measurement should not carry.
            if (poll % 2 == 1 && DeadLetteredSince(deadBefore, await deadLetters.CountAsync(cancellationToken)) is { Length: > 0 } dead)
            {
                throw new InvalidOperationException($"Messages were dead-lettered ({dead}); the workers' and router's logs under {settings.WorkRoot}/logs say why.");
            }

            _sinks.Scan();
            var written = _sinks.Documents.Where(d => progress.Deliveries.Contains(d.DeliveryId)).ToList();
            if (progress.Decided == events.Length && written.Select(d => d.DeliveryId).Distinct().Count() == progress.Deliveries.Count)
            {
                return Summarise(dropped, written, progress);
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException(
                    $"After {HarnessSettings.PhaseTimeout(events.Length).TotalSeconds:0} s: {progress.Decided}/{events.Length} events decided, " +
                    $"{written.Count}/{progress.Deliveries.Count} deliveries written; logs in {settings.WorkRoot}/logs.");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    private static string DeadLetteredSince(IReadOnlyDictionary<string, uint> before, IReadOnlyDictionary<string, uint> now) =>
        string.Join(", ", now.Where(q => q.Value > before.GetValueOrDefault(q.Key)).Select(q => $"{q.Key}: {q.Value - before.GetValueOrDefault(q.Key)} new"));

    private static PhaseResult Summarise(IReadOnlyDictionary<Guid, DateTimeOffset> dropped, List<SinkDocument> written, LedgerProgress progress)
    {
        var first = dropped.Values.Min();
        var last = written.Count > 0 ? written.Max(d => d.Written) : first;
        return new PhaseResult(
            dropped.Count,
            written.Count,
            written.GroupBy(d => d.Recipient).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            dropped.Count - written.Select(d => d.EventId).Distinct().Count(),
            Math.Max((last - first).TotalSeconds, 0.001),
            LatencySummary.Of([.. written.Select(d => (d.Written - dropped[d.EventId]).TotalMilliseconds)]));
    }

    /// <summary>The probation worker's own account of the burst file: every row published, none quarantined.</summary>
    private async Task<DropFileReport> CheckReportAsync(string name, int rows, CancellationToken cancellationToken)
    {
        // The worker writes its report after the last row's confirm: deliveries can land before it does.
        for (var waited = TimeSpan.Zero; !File.Exists(_probation.Report(name)) && waited < TimeSpan.FromSeconds(30); waited += PollEvery)
        {
            await Task.Delay(PollEvery, cancellationToken);
        }

        var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllBytesAsync(_probation.Report(name), cancellationToken), ContractJson.Options)
            ?? throw new InvalidOperationException($"The report of {name} is empty.");
        if (report.Rows != rows || report.Published != rows || report.Quarantined.Count != 0)
        {
            throw new InvalidOperationException($"The probation worker read {report.Rows} rows of {name}, published {report.Published} and quarantined {report.Quarantined.Count}; expected {rows} published.");
        }

        return report;
    }
}
