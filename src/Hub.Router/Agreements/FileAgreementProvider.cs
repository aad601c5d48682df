using Hub.Router.Configuration;
using Hub.Router.Metrics;
using Hub.Router.Telemetry;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Agreements;

/// <summary>
/// The agreement set from the agreements folder. Loaded at start-up, then reloaded when files change. Each
/// agreement stands alone (docs/adr/0017): a file with errors is refused, keeping its version in force if it had
/// one, while the others load and decide; only an error that makes the whole set ambiguous (participants.yaml, one
/// id in two files) refuses the whole folder, which stops the router at start-up and keeps the previous set on a
/// reload. Every refusal is logged at Warning with its located errors, counted
/// (<c>agencyhub.router.agreements.reload.refused</c>) and shown as Degraded readiness until the folder is clean.
/// A watcher reacts within a moment; a periodic check catches changes a watcher can miss (network shares, editors
/// that swap files) and re-reports a refusal that persists.
/// </summary>
public sealed class FileAgreementProvider : IAgreementProvider, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly string _folder;
    private readonly IReadOnlyList<string> _agencies;
    private readonly TimeProvider _time;
    private readonly RouterMetrics _metrics;
    private readonly ILogger<FileAgreementProvider> _logger;
    private readonly LastGoodAgreements _lastGood = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _poll;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile AgreementDecisionEngine _current;
    private readonly ITimer _debounce;

    public FileAgreementProvider(IOptions<RouterOptions> options, TimeProvider time, RouterMetrics metrics, ILogger<FileAgreementProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = Path.GetFullPath(options.Value.AgreementsPath);
        _agencies = [.. options.Value.Agencies];
        _time = time;
        _metrics = metrics;
        _logger = logger;
        var lint = _lastGood.Lint(AgreementLoader.ReadDirectory(_folder), Today());
        if (lint.WholeChangeRefused)
        {
            _metrics.AgreementsRefused(RefusalScopes.Set, 1);
            RouterLog.AgreementsInvalid(logger, string.Join(Environment.NewLine, lint.Errors));
            throw new AgreementValidationException(lint.OnDisk.Diagnostics);
        }

        _current = Compile(lint);
        Report(lint);
        _debounce = time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = Watch();
        _poll = time.CreateTimer(_ => _ = ReloadAsync(), null, options.Value.AgreementsPollInterval, options.Value.AgreementsPollInterval);
    }

    public IDecisionEngine Current => _current;

    /// <summary>
    /// Errors of the last reading of the folder (the whole change refused, or some agreement files), until a reading
    /// without errors; for readiness and operators. Empty when everything on disk is in force.
    /// </summary>
    public IReadOnlyList<AgreementDiagnostic> LastRejection { get; private set; } = [];

    /// <summary>Agreement files the last reading refused while the others took effect; empty when it refused the whole change.</summary>
    public IReadOnlyList<string> RefusedFiles { get; private set; } = [];

    /// <summary>Reads the folder again and applies what it can. Returns true when a new set took effect.</summary>
    public async Task<bool> ReloadAsync()
    {
        await _reloading.WaitAsync();
        try
        {
            IReadOnlyList<(string Name, string Text)> files;
            try
            {
                files = AgreementLoader.ReadDirectory(_folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AgreementValidationException)
            {
                RouterLog.AgreementsUnreadable(_logger, ex.GetType().Name);
                return false;
            }

            var lint = _lastGood.Lint(files, Today());
            Report(lint);
            if (lint.WholeChangeRefused || lint.Applied.Set!.Hash == _current.AgreementSetHash)
            {
                return false;
            }

            _current = Compile(lint);
            return true;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll.Dispose();
        _debounce.Dispose();
        _reloading.Dispose();
    }

    private AgreementDecisionEngine Compile(AgreementFolderLint lint)
    {
        var set = lint.Applied.Set!;
        _lastGood.Applied(lint);
        RouterLog.AgreementsLoaded(_logger, set.Hash, set.Agreements.Count, set.Agreements.Sum(a => a.Flows.Count));
        foreach (var warning in lint.Applied.Diagnostics.Where(d => !d.IsError))
        {
            RouterLog.AgreementWarning(_logger, warning.ToString());
        }

        // Declaring a participant does not connect it: its queues and broker user come with Router:Agencies.
        var unconnected = set.Participants.Codes.Select(c => c.Value).Except(_agencies, StringComparer.Ordinal).ToList();
        if (unconnected.Count > 0)
        {
            RouterLog.ParticipantsNotConnected(_logger, set.Hash, string.Join(", ", unconnected));
        }

        return new AgreementDecisionEngine(set);
    }

    /// <summary>Logs, counts and keeps for readiness what this reading refused; clears it when nothing was.</summary>
    private void Report(AgreementFolderLint lint)
    {
        var errors = lint.Errors;
        LastRejection = errors;
        RefusedFiles = lint.WholeChangeRefused ? [] : lint.OnDisk.Refused;
        if (errors.Count == 0)
        {
            return;
        }

        var listed = string.Join(Environment.NewLine, errors);
        if (lint.WholeChangeRefused)
        {
            _metrics.AgreementsRefused(RefusalScopes.Set, 1);
            RouterLog.AgreementsRejected(_logger, _current.AgreementSetHash, listed);
        }
        else
        {
            _metrics.AgreementsRefused(RefusalScopes.Agreement, RefusedFiles.Count);
            RouterLog.AgreementFilesRefused(_logger, RefusedFiles.Count, lint.Applied.Set!.Hash, listed);
        }
    }

    private FileSystemWatcher? Watch()
    {
        try
        {
            var watcher = new FileSystemWatcher(_folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += (_, _) => Soon();
            watcher.Created += (_, _) => Soon();
            watcher.Deleted += (_, _) => Soon();
            watcher.Renamed += (_, _) => Soon();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            RouterLog.AgreementsUnwatched(_logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Editors write in bursts: wait for the folder to settle, then reload once. Each file event re-arms the one
    /// debounce timer (<see cref="ITimer.Change"/> is thread-safe), so a burst never starts two reloads.
    /// </summary>
    private void Soon() => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
