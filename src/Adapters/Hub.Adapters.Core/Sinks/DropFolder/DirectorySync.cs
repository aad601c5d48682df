namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary>
/// Flushes a directory's entries (the names a rename created or replaced) to disk, so a rename survives a power cut:
/// <c>open(dir, O_RDONLY)</c>, <c>fsync</c>, <c>close</c> on Linux and macOS, which .NET's file APIs cannot open. On
/// Windows NTFS journals the rename itself and this does nothing.
/// </summary>
public static class DirectorySync
{
    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = NativeMethods.Open(folder, 0);
        if (fd < 0)
        {
            throw new IOException($"Could not open the outbox folder to flush it (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush the outbox folder to disk (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }
}
