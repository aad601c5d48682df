using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Scans <c>inbox/</c> every poll interval and processes settled files one at a time, oldest first. Polling rather
/// than a file-system watcher: watchers miss events on network shares and after restarts; a scan does not.
/// </summary>
public sealed class DropFolderSource(DropFileProcessor processor, IOptions<DropFolderOptions> options, TimeProvider time, ILogger<DropFolderSource> logger) : BackgroundService
{
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

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            await ScanOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One scan: every settled file in the inbox, oldest first. Stops at the first file the broker did not confirm.</summary>
    public async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        var settledBefore = time.GetUtcNow() - options.Value.SettleTime;
        var files = new DirectoryInfo(processor.Layout.Inbox).EnumerateFiles()
            .Where(f => DropFileReader.TryFormatOf(f.Name, out _) && new DateTimeOffset(f.LastWriteTimeUtc) <= settledBefore)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            try
            {
                await processor.ProcessAsync(file.Name, cancellationToken);
            }
            catch (Records.SourcePublishException ex)
            {
                // The checkpoint holds what was confirmed; the next scan resumes from there.
                SourcesLog.FileInterrupted(logger, file.Name, (ex.InnerException ?? ex).GetType().Name);
                return;
            }
        }
    }
}
