using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// A file-system watcher on the inbox that only says "look now": what to process is always decided by a scan, so a
/// missed, doubled or overflowed notification costs at most a poll interval, never a file.
/// </summary>
public static class InboxWatcher
{
    /// <summary>A running watcher calling <paramref name="wake"/> on any change, or null where the platform or share cannot watch.</summary>
    public static FileSystemWatcher? TryStart(string inbox, Action wake, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(wake);
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(inbox)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                IncludeSubdirectories = false,
            };
            watcher.Created += (_, _) => wake();
            watcher.Changed += (_, _) => wake();
            watcher.Renamed += (_, _) => wake();
            watcher.Error += (_, _) => wake();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            watcher?.Dispose();
            SourcesLog.WatcherUnavailable(logger, ex.GetType().Name);
            return null;
        }
    }
}
