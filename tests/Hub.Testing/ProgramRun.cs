using System.Diagnostics;

namespace Hub.Testing;

/// <summary>
/// Runs a program to its end as a separate process, as a user or a script would, capturing both streams; kills it
/// (and its children) when it outlives its timeout. The one process runner of the test projects.
/// </summary>
public static class ProgramRun
{
    public static async Task<ProgramResult> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout}:\n{await errors}");
        }

        return new ProgramResult(process.ExitCode, await output, await errors);
    }
}
