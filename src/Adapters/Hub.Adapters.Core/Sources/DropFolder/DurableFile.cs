namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>Writes a file whole or not at all: to a temp file, flushed to disk, then renamed over the target.</summary>
public static class DurableFile
{
    public static Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(path, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);
    }

    /// <summary>As above, with the content streamed by <paramref name="write"/>, so it need not be held in memory.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await write(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
