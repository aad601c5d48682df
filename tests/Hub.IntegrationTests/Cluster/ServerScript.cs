using System.Diagnostics;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// Runs the throwaway-server scripts (scripts/servers/*.sh) from the repository and reads the env files they write. A
/// script that fails (RabbitMQ or Postgres cannot be installed or started here) fails the test with its output.
/// </summary>
public static class ServerScript
{
    /// <summary>The repository root: the test assembly runs from tests/Hub.IntegrationTests/bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
    public static string Repository { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    /// <summary>Runs <c>bash scripts/servers/<paramref name="script"/> arguments…</c>; returns its standard output.</summary>
    public static async Task<string> RunAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository, "scripts", "servers", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
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
            throw new TimeoutException($"scripts/servers/{script} {string.Join(' ', arguments.Take(1))} did not finish within {timeout}:\n{await errors}");
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"scripts/servers/{script} {string.Join(' ', arguments.Take(1))} failed (exit {process.ExitCode}):\n{await errors}");
    }

    /// <summary>The variables of an env file the scripts write (<c>export NAME=value</c> or <c>export NAME='value'</c>).</summary>
    public static IReadOnlyDictionary<string, string> ReadEnvFile(string path)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            const string Export = "export ";
            if (!line.StartsWith(Export, StringComparison.Ordinal) || line.IndexOf('=', StringComparison.Ordinal) is var equals && equals < 0)
            {
                continue;
            }

            var value = line[(equals + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1].Replace("'\\''", "'", StringComparison.Ordinal);
            }

            variables[line[Export.Length..equals]] = value;
        }

        return variables;
    }
}
