using System.Diagnostics;

namespace Hub.IntegrationTests.Metrics;

/// <summary>
/// Prometheus and promtool from the Debian package, installed on first use by scripts/servers/prometheus.sh (as the
/// test script installs RabbitMQ). A machine where it cannot be installed fails the tests that need it, saying why;
/// they never skip.
/// </summary>
public static class PrometheusPackage
{
    private static readonly Lazy<Task<string>> Installed = new(() => RunScriptAsync("install"));

    /// <summary>The repository root: the test assembly runs from tests/Hub.IntegrationTests/bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
    public static string Repository { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string Script => Path.Combine(Repository, "scripts", "servers", "prometheus.sh");

    /// <summary>Runs promtool from the repository root; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        var bin = (await Installed.Value).Trim();
        return await RunAsync(Path.Combine(bin, "promtool"), arguments, TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs scripts/servers/prometheus.sh; throws with its output if it fails.</summary>
    public static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var (code, output) = await RunAsync("bash", [Script, .. arguments], TimeSpan.FromMinutes(10));
        return code == 0
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('[')).LastOrDefault() ?? string.Empty
            : throw new InvalidOperationException($"scripts/servers/prometheus.sh {string.Join(' ', arguments)} failed (exit {code}); Prometheus comes from the Debian package 'prometheus' (apt-get as root, see environment.md):\n{output}");
    }

    private static async Task<(int, string)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes");
        }

        // stdout last, so a caller reading the last line gets the command's answer rather than its log.
        return (process.ExitCode, await stderr + await stdout);
    }
}
