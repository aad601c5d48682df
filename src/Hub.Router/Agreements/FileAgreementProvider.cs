using Hub.Router.Configuration;
using Hub.Router.Telemetry;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Agreements;

/// <summary>
/// The agreement set from the agreements folder. Loaded at start-up (an invalid set stops the router), then
/// reloaded when files change: a valid change replaces the engine atomically for the next decision; an invalid
/// one is logged with every error and the previous set keeps running. A watcher reacts within a moment; a
/// periodic check catches changes a watcher can miss (network shares, editors that swap files).
/// </summary>
public sealed class FileAgreementProvider : IAgreementProvider, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly string _folder;
    private readonly IReadOnlyList<string> _agencies;
    private readonly TimeProvider _time;
    private readonly ILogger<FileAgreementProvider> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _poll;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile AgreementDecisionEngine _current;
    private readonly ITimer _debounce;

    public FileAgreementProvider(IOptions<RouterOptions> options, TimeProvider time, ILogger<FileAgreementProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = Path.GetFullPath(options.Value.AgreementsPath);
        _agencies = [.. options.Value.Agencies];
        _time = time;
        _logger = logger;
        var lint = AgreementLoader.Lint(AgreementLoader.ReadDirectory(_folder), Today());
        if (lint.Set is null)
        {
            RouterLog.AgreementsInvalid(logger, string.Join(Environment.NewLine, lint.Diagnostics.Where(d => d.IsError)));
            throw new AgreementValidationException(lint.Diagnostics);
        }

        _current = Compile(lint);
        _debounce = time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = Watch();
        _poll = time.CreateTimer(_ => _ = ReloadAsync(), null, options.Value.AgreementsPollInterval, options.Value.AgreementsPollInterval);
    }

    public IDecisionEngine Current => _current;

    /// <summary>Errors of the last change that was refused, until a valid set replaces it; for readiness and operators.</summary>
    public IReadOnlyList<AgreementDiagnostic> LastRejection { get; private set; } = [];

    /// <summary>Reads the folder again and applies it if it is different and valid. Returns true when a new set took effect.</summary>
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

            var lint = AgreementLoader.Lint(files, Today());
            if (lint.Set is null)
            {
                LastRejection = lint.Diagnostics;
                RouterLog.AgreementsRejected(_logger, _current.AgreementSetHash, string.Join(Environment.NewLine, lint.Diagnostics.Where(d => d.IsError)));
                return false;
            }

            LastRejection = [];
            if (lint.Set.Hash == _current.AgreementSetHash)
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

    private AgreementDecisionEngine Compile(LintResult lint)
    {
        var set = lint.Set!;
        RouterLog.AgreementsLoaded(_logger, set.Hash, set.Agreements.Count, set.Agreements.Sum(a => a.Flows.Count));
        foreach (var warning in lint.Diagnostics)
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
