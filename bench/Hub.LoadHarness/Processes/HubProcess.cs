using System.Diagnostics;

namespace Hub.LoadHarness.Processes;

/// <summary>
/// One hub executable from its own build output, configured by environment variables, its output in a log file. The
/// chaos suite kills it (SIGKILL), stops it (SIGTERM, a graceful shutdown) and starts it again with the same settings;
/// its log carries on in the same file.
/// </summary>
public sealed class HubProcess : IDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private Process _process;

    private HubProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, StreamWriter log, string logPath)
    {
        Name = name;
        _dll = dll;
        _environment = environment;
        _log = log;
        LogPath = logPath;
        _process = Launch();
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>Times it was started again after a kill or stop.</summary>
    public int Restarts { get; private set; }

    public static HubProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{Path.GetFileName(dll)} is missing from its build output: build the solution in Release first (scripts/load.sh does).", dll);
        }

        var logPath = Path.Combine(logFolder, name + ".log");
        return new HubProcess(name, dll, environment, new StreamWriter(logPath) { AutoFlush = true }, logPath);
    }

    /// <summary>SIGKILL: a crash, no shutdown code runs.</summary>
    public void Kill()
    {
        Write($"[harness] {TimeProvider.System.GetUtcNow():O} kill -9");
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM and wait for the process to finish its graceful shutdown (SIGKILL if it takes over a minute).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Write($"[harness] {TimeProvider.System.GetUtcNow():O} SIGTERM");
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StopPatience);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
        }
    }

    /// <summary>Starts the process again with the same settings, once it has exited.</summary>
    public void StartAgain()
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException($"The {Name} process still runs.");
        }

        ChildProcessGuard.Remove(_process);
        _process.Dispose();
        Write($"[harness] {TimeProvider.System.GetUtcNow():O} started again");
        _process = Launch();
        Restarts++;
    }

    private Process Launch()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(_dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        ChildProcessGuard.Add(process);
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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
