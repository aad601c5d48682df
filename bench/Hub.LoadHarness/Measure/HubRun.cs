using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.LoadHarness.Feed;
using Hub.LoadHarness.Pacing;
using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Servers;
using Hub.Simulation.Timeline;
using Npgsql;

namespace Hub.LoadHarness.Measure;

/// <summary>
/// The phases through the real stack: a warm-up, a burst (one release list of many rows, as a prison's list arrives) for
/// throughput, then paced phases (HTTP posts or one-row files offered at a steady rate) for latency. A phase ends when
/// the ledger holds a decision for every event and every delivery it queued has been written by its recipient's sink.
/// </summary>
public sealed class HubRun(RunningHub stack, HarnessSettings settings, ServerEnvironment servers) : IAsyncDisposable
{
    // Once a second: the harness shares the machine with what it measures. Times come from the sink files, not the poll.
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    // Sends (HTTP requests, file drops) in flight at once in a paced phase.
    private const int PacedWindow = 256;

    // No new decision or sink write for this long: the harness asks the broker whether a hub queue is left unconsumed.
    private static readonly TimeSpan StallPatience = TimeSpan.FromSeconds(60);

    private readonly DropFolderLayout _probation = new(stack.Agencies[AgencyCode.Probation].Source);
    private readonly SinkScanner _sinks = new(stack.Agencies.ToDictionary(a => a.Key.Value, a => a.Value.Sink));
    private readonly LedgerProbe _ledger = new(stack.Ledger);
    private readonly HubQueueProbe _queues = new(servers);
    private readonly HttpFeeder _http = new(stack.HttpIngest);
    private IReadOnlyDictionary<string, uint> _deadBefore = new Dictionary<string, uint>();
    private int _pacedPhases;

    // Set for a chaos burst, whose fault may take the ledger's server away for a while.
    private bool _ledgerMayFail;

    /// <summary>Times the queue probe found the broker unreachable (a broker restart) and reconnected later.</summary>
    public int BrokerUnreachable => _queues.Unreachable;

    /// <summary>Untimed: a release list through the drop folder and a tenth as many notices over HTTP, to start every path.</summary>
    public async Task<PhaseResult> WarmUpAsync(IReadOnlyList<ReleaseNotice> dropped, IReadOnlyList<ReleaseNotice> posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(posted);
        _deadBefore = await _queues.DeadLettersAsync(cancellationToken)
            ?? throw new InvalidOperationException("The broker did not answer the dead-letter probe before the run.");
        await _http.WaitUntilListeningAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var fed = new Dictionary<Guid, DateTimeOffset>();
        var at = new DropWriter(_probation.Inbox).Drop("release-list-load-warmup.csv", dropped);
        foreach (var notice in dropped)
        {
            fed[ReleaseFeed.EventIdOf(notice)] = at;
        }

        foreach (var notice in posted)
        {
            fed[ReleaseFeed.EventIdOf(notice)] = await _http.PostAsync(notice, cancellationToken);
        }

        return await CompleteAsync(fed, cancellationToken);
    }

    /// <summary>One release list of every notice; with <c>--broker-restart-at</c>, the broker is killed and restarted during it.</summary>
    public async Task<PhaseResult> BurstAsync(IReadOnlyList<ReleaseNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        const string name = "release-list-load-burst.csv";
        var dropped = new DropWriter(_probation.Inbox).Drop(name, notices);
        using var stopRestart = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var restart = settings.BrokerRestartAt is { } at
            ? BrokerRestart.AfterAsync(TimeSpan.FromSeconds(at), servers.BrokerRestartCommand!, Path.Combine(settings.WorkRoot, "logs", "broker-restart.log"), stopRestart.Token)
            : null;
        var result = await CompleteAsync(notices.ToDictionary(ReleaseFeed.EventIdOf, _ => dropped), cancellationToken);
        BrokerRestartResult? restarted = null;
        if (restart is not null)
        {
            await stopRestart.CancelAsync();
            try
            {
                restarted = await restart;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The burst completed before the restart was due: the report says so.
            }
        }

        var report = await CheckReportAsync(name, notices.Count, cancellationToken);
        return result with { SourceSeconds = (report.CompletedAt - dropped).TotalSeconds, BrokerRestart = restarted };
    }

    /// <summary>
    /// The chaos suite's burst: one release list with <paramref name="fault"/> running alongside (it waits for its
    /// moment, injects the fault and repairs it). Returns once every event is decided, every queued delivery written and
    /// the repair has finished; throws as soon as the fault itself fails.
    /// </summary>
    public async Task<PhaseResult> BurstWithFaultAsync(IReadOnlyList<ReleaseNotice> notices, Func<CancellationToken, Task> fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(fault);
        const string name = "release-list-chaos-burst.csv";
        _ledgerMayFail = true;
        var dropped = new DropWriter(_probation.Inbox).Drop(name, notices);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var faulting = fault(stop.Token);
        var completing = CompleteAsync(notices.ToDictionary(ReleaseFeed.EventIdOf, _ => dropped), stop.Token);
        if (await Task.WhenAny(faulting, completing) == faulting && faulting.IsFaulted)
        {
            await stop.CancelAsync();
            await Task.WhenAny(completing);
            await faulting;
        }

        PhaseResult result;
        try
        {
            result = await completing;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(faulting);
            throw;
        }

        await faulting;
        await CheckReportAsync(name, notices.Count, cancellationToken);
        return result;
    }

    /// <summary>Messages in the hub's dead-letter queues now, asking until the broker answers (at most a minute).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> DeadLettersNowAsync(CancellationToken cancellationToken)
    {
        for (var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1); ; await Task.Delay(PollEvery, cancellationToken))
        {
            if (await _queues.DeadLettersAsync(cancellationToken) is { } dead)
            {
                return dead;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("The broker did not answer the dead-letter probe for a minute after the run.");
            }
        }
    }

    /// <summary>Notices offered one by one at <paramref name="rate"/> a second through <paramref name="path"/>, open loop.</summary>
    public async Task<PacedPhase> PacedAsync(FeedPath path, double rate, IReadOnlyList<ReleaseNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var phase = ++_pacedPhases;
        var writer = new DropWriter(_probation.Inbox);
        var fed = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var offered = await OpenLoopPacer.OfferAsync(notices.Count, rate, PacedWindow, path == FeedPath.Http ? PostAsync : DropAsync, cancellationToken);
        return new PacedPhase(path, rate, offered, await CompleteAsync(fed, cancellationToken));

        async Task PostAsync(int i) => fed[ReleaseFeed.EventIdOf(notices[i])] = await _http.PostAsync(notices[i], cancellationToken);

        Task DropAsync(int i)
        {
            fed[ReleaseFeed.EventIdOf(notices[i])] = writer.Drop(string.Create(CultureInfo.InvariantCulture, $"release-list-load-paced-{phase:00}-{i:000000}.csv"), [notices[i]]);
            return Task.CompletedTask;
        }
    }

    /// <summary>After a broker restart: waits until the router and the workers consume again.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => stack.WaitUntilConsumingAsync(servers, cancellationToken);

    private async Task<PhaseResult> CompleteAsync(IReadOnlyDictionary<Guid, DateTimeOffset> fed, CancellationToken cancellationToken)
    {
        var events = fed.Keys.ToArray();
        var deadline = TimeProvider.System.GetUtcNow() + HarnessSettings.PhaseTimeout(events.Length);
        var (progressMark, progressAt) = (-1L, TimeProvider.System.GetUtcNow());
        for (var poll = 0; ; poll++)
        {
            try
            {
                var (decided, rejected) = await _ledger.DecidedAsync(events, cancellationToken);
                if (rejected > 0)
                {
                    throw new InvalidOperationException($"The router rejected {rejected} of the phase's events; see the router log under {settings.WorkRoot}/logs.");
                }

                if (Directory.Exists(_probation.Quarantine) && Directory.EnumerateFiles(_probation.Quarantine).FirstOrDefault() is { } quarantined)
                {
                    throw new InvalidOperationException($"The probation worker quarantined rows of the feed ({Path.GetFileName(quarantined)}): its reasons column says why.");
                }

                // Every other poll: the probe opens a channel per queue, load the measurement should not carry. Null while the broker is away.
                if (poll % 2 == 1 && await _queues.DeadLettersAsync(cancellationToken) is { } dead && DeadLetteredSince(_deadBefore, dead) is { Length: > 0 } newly)
                {
                    throw new InvalidOperationException($"Messages were dead-lettered ({newly}); the workers' and router's logs under {settings.WorkRoot}/logs say why.");
                }

                // Deliveries are looked for only once every event is decided: the sink files keep their write times, and
                // scanning tens of thousands of them every second would load the machine being measured.
                var writtenCount = 0;
                if (decided == events.Length)
                {
                    var queued = await _ledger.DeliveriesAsync(events, cancellationToken);
                    _sinks.Scan();
                    var written = _sinks.Documents.Where(d => queued.Contains(d.DeliveryId)).ToList();
                    if (written.Count == queued.Count)
                    {
                        return await SummariseAsync(fed, written, queued, cancellationToken);
                    }

                    writtenCount = written.Count;
                }

                var now = TimeProvider.System.GetUtcNow();
                if (decided + writtenCount != progressMark)
                {
                    (progressMark, progressAt) = (decided + writtenCount, now);
                }
                else if (now - progressAt > StallPatience && poll % 5 == 0 && await StalledAsync(now - progressAt, cancellationToken) is { } stalled)
                {
                    throw new InvalidOperationException(stalled);
                }

                if (now > deadline)
                {
                    _sinks.Scan();
                    throw new TimeoutException(
                        $"After {HarnessSettings.PhaseTimeout(events.Length).TotalSeconds:0} s: {decided}/{events.Length} events decided, " +
                        $"{_sinks.Documents.Count(d => fed.ContainsKey(d.EventId))} of their deliveries written; logs in {settings.WorkRoot}/logs.");
                }
            }
            catch (NpgsqlException) when (_ledgerMayFail && TimeProvider.System.GetUtcNow() < deadline)
            {
                // A chaos burst's fault took the ledger's server away: this poll is skipped, the deadline still holds.
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    /// <summary>
    /// Why nothing moved for <paramref name="idle"/>, when the broker shows it: a hub queue holding messages nobody
    /// consumes, or every queue empty while the probation inbox still holds a feed file (its source stopped). Null
    /// when neither shows (the phase's timeout still applies).
    /// </summary>
    private async Task<string?> StalledAsync(TimeSpan idle, CancellationToken cancellationToken)
    {
        if (await _queues.HubQueuesAsync(cancellationToken) is not { } queues)
        {
            return null;
        }

        var after = settings.BrokerRestartAt is null ? string.Empty : " after the broker restart";
        if (queues.Where(q => q.Value is { Messages: > 0, Consumers: 0 }).ToList() is { Count: > 0 } unconsumed)
        {
            return $"No progress for {idle.TotalSeconds:0} s, and nobody consumes {string.Join(", ", unconsumed.Select(q => $"{q.Key} ({q.Value.Messages} messages waiting)"))}: " +
                $"the process that should did not come back{after}; see its log under {settings.WorkRoot}/logs.";
        }

        if (queues.Values.All(q => q.Messages == 0) && Directory.EnumerateFiles(_probation.Inbox).FirstOrDefault() is { } unfinished)
        {
            var name = Path.GetFileName(unfinished);
            var row = 0;
            if (File.Exists(_probation.Checkpoint(name)))
            {
                using var checkpoint = JsonDocument.Parse(await File.ReadAllBytesAsync(_probation.Checkpoint(name), cancellationToken));
                row = checkpoint.RootElement.GetProperty("lastRow").GetInt32();
            }

            return $"No progress for {idle.TotalSeconds:0} s with every hub queue empty, and the probation worker's drop-folder source has not finished {name} " +
                $"(its checkpoint is at row {row}): the source stopped publishing{after}; see probation.log under {settings.WorkRoot}/logs.";
        }

        return null;
    }

    private static string DeadLetteredSince(IReadOnlyDictionary<string, uint> before, IReadOnlyDictionary<string, uint> now) =>
        string.Join(", ", now.Where(q => q.Value > before.GetValueOrDefault(q.Key)).Select(q => $"{q.Key}: {q.Value - before.GetValueOrDefault(q.Key)} new"));

    private async Task<PhaseResult> SummariseAsync(IReadOnlyDictionary<Guid, DateTimeOffset> fed, List<SinkDocument> written, IReadOnlySet<Guid> queued, CancellationToken cancellationToken)
    {
        var events = fed.Keys.ToArray();
        var completeness = new Completeness(
            events.Length,
            (await _ledger.DecidedAsync(events, cancellationToken)).Decided,
            await _ledger.DuplicateDecisionsAsync(events, cancellationToken),
            queued.Count,
            written.Count,
            _sinks.Documents.Count(d => fed.ContainsKey(d.EventId) && !queued.Contains(d.DeliveryId)));
        var first = fed.Values.Min();
        var last = written.Count > 0 ? written.Max(d => d.Written) : first;
        return new PhaseResult(
            fed.Count,
            written.Count,
            written.GroupBy(d => d.Recipient).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            fed.Count - written.Select(d => d.EventId).Distinct().Count(),
            Math.Max((last - first).TotalSeconds, 0.001),
            LatencySummary.Of([.. written.Select(d => (d.Written - fed[d.EventId]).TotalMilliseconds)]),
            completeness);
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

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _queues.DisposeAsync();
        await _ledger.DisposeAsync();
    }
}
