using System.Diagnostics;
using System.Globalization;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// SIGTERM, as an orchestrator stops a container: the host shuts down in order and its console logger flushes, so
/// everything the process printed has been read once this returns.
/// </summary>
public static class GracefulStop
{
    public static async Task StopAsync(Process process, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        var signal = new ProcessStartInfo("kill");
        signal.ArgumentList.Add("-TERM");
        signal.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
        using (var kill = Process.Start(signal)!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);

        // With redirected output read asynchronously, the parameterless wait also waits for both pipes to reach end of file.
        process.WaitForExit();
    }
}
