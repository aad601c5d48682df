using System.Diagnostics;
using System.Globalization;

namespace Hub.LedgerBench.Measure;

/// <summary>
/// Runs the built <c>hub</c> command as an auditor would (<c>dotnet exec hub.dll …</c>), timing it wall-clock and sampling
/// its peak resident memory (Linux VmHWM) and CPU time while it runs, and the CPU time of the server processes serving
/// it when the server is on this machine. Samples come every 100 ms, so the last 100 ms of CPU may be missed.
/// </summary>
public static class HubCommand
{
    /// <param name="serverProcesses">When given, the server processes serving the command (asked while it runs), whose CPU is sampled too.</param>
    public static async Task<HubRun> RunAsync(IEnumerable<string> arguments, Func<CancellationToken, Task<IReadOnlyList<int>>>? serverProcesses, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Locate());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("AGENCYHUB_LEDGER_POSTGRES");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long peakKb = 0;
        double clientCpu = 0;
        var serverCpu = new Dictionary<int, double>();
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, PeakResidentKb(process.Id));
            clientCpu = Math.Max(clientCpu, ProcessCpu.Seconds(process.Id));
            foreach (var pid in serverProcesses is null ? [] : await serverProcesses(cancellationToken))
            {
                serverCpu[pid] = Math.Max(serverCpu.GetValueOrDefault(pid), ProcessCpu.Seconds(pid));
            }

            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(100, cancellationToken));
        }

        await process.WaitForExitAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return new HubRun(process.ExitCode, await output, await errors, seconds, peakKb / 1024.0, clientCpu, serverCpu.Values.Sum());
    }

    /// <summary>hub.dll from its own build output (as scripts/ledger-bench.sh builds it), else the copy beside the bench.</summary>
    private static string Locate()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (var folder = own; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgencyHub.sln")))
            {
                var built = Path.Combine(folder.FullName, "src", "Hub.Cli", "bin", own.Parent!.Name, own.Name, "hub.dll");
                if (File.Exists(built))
                {
                    return built;
                }

                break;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "hub.dll");
    }

    private static long PeakResidentKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Exited between the check and the read, or not Linux.
        }
        catch (UnauthorizedAccessException)
        {
            // Not readable here.
        }

        return 0;
    }
}
