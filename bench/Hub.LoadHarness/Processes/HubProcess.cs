using System.Diagnostics;

namespace Hub.LoadHarness.Processes;

/// <summary>One hub executable from its own build output, configured by environment variables, its output in a log file.</summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HubProcess(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static HubProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{Path.GetFileName(dll)} is missing from its build output: build the solution in Release first (scripts/load.sh does).", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(logFolder, name + ".log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        ChildProcessGuard.Add(process);
        var hubProcess = new HubProcess(name, process, log, logPath);
        process.OutputDataReceived += (_, e) => hubProcess.Write(e.Data);
        process.ErrorDataReceived += (_, e) => hubProcess.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hubProcess;
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        ChildProcessGuard.Remove(_process);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
