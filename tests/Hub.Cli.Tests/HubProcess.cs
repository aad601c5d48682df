using System.Diagnostics;

namespace Hub.Cli.Tests;

/// <summary>Runs the built <c>hub</c> command (or another program) as a separate process, as a user would.</summary>
internal static class HubProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs with <paramref name="environment"/> added to this process's environment.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProgramAsync("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "hub.dll"), .. arguments], Path.GetTempPath(), TimeSpan.FromMinutes(2), environment);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/>, killing it after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunProgramAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
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
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
