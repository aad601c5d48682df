using System.Diagnostics;
using System.Security.Cryptography;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The router's own executable (Hub.Router.dll, its Program.cs) as a separate OS process, configured only by
/// environment variables, so a test can kill it with SIGKILL as a crash would.
/// </summary>
public sealed class RouterProcess : IDisposable
{
    private readonly Process _process;

    private RouterProcess(Process process) => _process = process;

    /// <summary>One key for every router process of a test, as a real deployment shares one.</summary>
    public static string NewSubjectKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <param name="environment">Further settings, e.g. <c>ConnectionStrings__LedgerAdmin</c> or <c>Ledger__Integrity__SealInterval</c>.</param>
    /// <summary>
    /// Hub.Router.dll in the router project's own build output, with its own deps.json and runtimeconfig. The copy
    /// beside the tests resolves its dependencies through the test project's, which include the ASP.NET Core shared
    /// framework (the adapters' HTTP ingest); the router's runtimeconfig names only Microsoft.NETCore.App, so that
    /// copy cannot start.
    /// </summary>
    private static string RouterBuildOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var repository = tests.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var router = Path.Combine(repository, "src", "Hub.Router", "bin", configuration, framework, "Hub.Router.dll");
        return File.Exists(router)
            ? router
            : throw new FileNotFoundException($"The router's build output is missing: build the solution ({configuration}) before the integration tests.", router);
    }

    public static RouterProcess Start(BrokerEndpoint broker, string ledgerConnectionString, string agreementsPath, string subjectKey, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var router = RouterBuildOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(router)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(router);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Broker__Host"] = broker.Host;
        start.Environment["Broker__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Broker__VirtualHost"] = broker.VirtualHost;
        start.Environment["Broker__Username"] = "hub-router";
        start.Environment["Broker__Password"] = broker.PasswordOf("hub-router");
        start.Environment["ConnectionStrings__Ledger"] = ledgerConnectionString;
        start.Environment["Router__AgreementsPath"] = agreementsPath;
        start.Environment["Ledger__SubjectKey"] = subjectKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;

        // Drain the pipes so a chatty router never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RouterProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown hooks, no acknowledgements, in-flight work simply stops.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
