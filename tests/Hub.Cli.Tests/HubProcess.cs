namespace Hub.Cli.Tests;

/// <summary>Runs the built <c>hub</c> command (or another program) as a separate process, as a user would.</summary>
internal static class HubProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs with <paramref name="environment"/> added to this process's environment.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProgramAsync("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "hub.dll"), .. arguments], Path.GetTempPath(), TimeSpan.FromMinutes(2), environment);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/> (<see cref="ProgramRun"/>).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunProgramAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await ProgramRun.RunAsync(program, arguments, workingDirectory, timeout, environment);
        return (result.ExitCode, result.Output, result.Errors);
    }
}
