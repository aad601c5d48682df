namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary>
/// Writes a file so that a reader sees either nothing or the whole content: a hidden temp file in the same folder,
/// flushed to disk, then renamed over the target (rename is atomic within one filesystem), then the folder flushed.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = TempPathFor(path);
        try
        {
            await WriteFlushedAsync(temp, content, cancellationToken);
            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(Path.GetDirectoryName(path) ?? ".");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A hidden, unique name beside <paramref name="path"/>; readers of the folder skip names starting with a dot.</summary>
    public static string TempPathFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes <paramref name="content"/> to a new file and flushes it to disk (fsync) before returning.</summary>
    public static async Task WriteFlushedAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await stream.WriteAsync(content, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }
}
