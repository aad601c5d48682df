using System.Diagnostics;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// Runs a command line a server script exported (e.g. <c>AGENCYHUB_TEST_RABBITMQ_RESTART</c>) with extra arguments,
/// its output appended to a log file; a failure names the log.
/// </summary>
public static class ServerCommand
{
    /// <returns>The command's standard output.</returns>
    public static async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        // The arguments go in as positional parameters: never re-parsed by the shell.
        start.ArgumentList.Add(command + " \"$@\"");
        start.ArgumentList.Add("bash");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash for a server command.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await File.AppendAllTextAsync(logPath, $"$ {command} {string.Join(' ', arguments)}\n{await output}{await errors}", cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"A server command failed (exit {process.ExitCode}); see {logPath}.");
    }
}
