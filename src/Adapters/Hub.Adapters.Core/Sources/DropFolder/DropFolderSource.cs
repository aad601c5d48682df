using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Processes settled files in <c>inbox/</c> one at a time, oldest first. Wakes when a file-system watcher reports a
/// change in the inbox, when a file seen unsettled should have settled, and every poll interval regardless: watchers
/// miss events on network shares and overflow under bursts, so polling stays as the fallback that always works.
/// </summary>
public sealed class DropFolderSource(DropFileProcessor processor, IOptions<DropFolderOptions> options, TimeProvider time, ILogger<DropFolderSource> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the folder layout before the host reports started, so an agency's transfer job can drop files at once.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            processor.Layout.Create();
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var watcher = InboxWatcher.TryStart(processor.Layout.Inbox, () => _wake.Writer.TryWrite(true), logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            var nextSettle = await ScanAsync(stoppingToken);
            var wait = nextSettle is { } settle && settle < options.Value.PollInterval ? settle : options.Value.PollInterval;
            await WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>One scan: every settled file in the inbox, oldest first. Stops at the first file the broker did not confirm.</summary>
    public async Task ScanOnceAsync(CancellationToken cancellationToken) => await ScanAsync(cancellationToken);

    /// <summary>A scan; returns how long until the next file still being written counts as settled, if there is one.</summary>
    private async Task<TimeSpan?> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = new DirectoryInfo(processor.Layout.Inbox).EnumerateFiles()
            .Where(f => DropFileReader.TryFormatOf(f.Name, out _))
            .Select(f => (File: f, SettledIn: new DateTimeOffset(f.LastWriteTimeUtc) + options.Value.SettleTime - now))
            .ToList();
        var files = candidates.Where(c => c.SettledIn <= TimeSpan.Zero)
            .OrderBy(c => c.File.LastWriteTimeUtc)
            .ThenBy(c => c.File.Name, StringComparer.Ordinal)
            .Select(c => c.File.Name)
            .ToList();
        foreach (var file in files)
        {
            try
            {
                await processor.ProcessAsync(file, cancellationToken);
            }
            catch (Records.SourcePublishException ex)
            {
                // The checkpoint holds what was confirmed; the next scan resumes from there.
                SourcesLog.FileInterrupted(logger, file, (ex.InnerException ?? ex).GetType().Name);
                return null;
            }
        }

        var unsettled = candidates.Where(c => c.SettledIn > TimeSpan.Zero).Select(c => c.SettledIn).ToList();
        return unsettled.Count > 0 ? unsettled.Min() : null;
    }

    /// <summary>Until the watcher signals, <paramref name="wait"/> passes, or the host stops.</summary>
    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The poll interval passed without a notification: scan anyway.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
