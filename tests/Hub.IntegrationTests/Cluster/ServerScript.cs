namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// Runs the throwaway-server scripts (scripts/servers/*.sh) from the repository and reads the env files they write. A
/// script that fails (RabbitMQ or Postgres cannot be installed or started here) fails the test with its output.
/// </summary>
public static class ServerScript
{
    /// <summary>The repository root.</summary>
    public static string Repository => RepositoryRoot.Path;

    /// <summary>Runs <c>bash scripts/servers/<paramref name="script"/> arguments…</c>; returns its standard output.</summary>
    public static async Task<string> RunAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = await ProgramRun.RunAsync("bash", [Path.Combine(Repository, "scripts", "servers", script), .. arguments], Repository, timeout, environment);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"scripts/servers/{script} {string.Join(' ', arguments.Take(1))} failed (exit {result.ExitCode}):\n{result.Errors}");
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
