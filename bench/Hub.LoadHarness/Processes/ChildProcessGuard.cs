using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hub.LoadHarness.Processes;

/// <summary>
/// Kills the hub processes the harness started when the harness itself is stopped (Ctrl-C, SIGTERM, a CI timeout)
/// before it could dispose them: they would otherwise keep consuming the broker's queues with nobody watching.
/// </summary>
public static class ChildProcessGuard
{
    private static readonly HashSet<Process> Running = [];

    // On SIGTERM or SIGINT the command line's handler ends the harness without waiting for its disposals, and without
    // ProcessExit either (seen on .NET 10 with System.CommandLine 2.0): the signal itself has to do it.
    private static readonly PosixSignalRegistration[] Signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGQUIT, _ => KillAll()),
    ];

    static ChildProcessGuard() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Add(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    public static void Remove(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Already exited.
                }
            }

            Running.Clear();
        }
    }
}
