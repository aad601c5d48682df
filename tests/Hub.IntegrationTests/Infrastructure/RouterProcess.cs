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
    public static RouterProcess Start(BrokerEndpoint broker, string ledgerConnectionString, string agreementsPath, string subjectKey, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var dll = WorkerBuildOutput.Find(Path.Combine("src", "Hub.Router"), "Hub.Router.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Broker__Host"] = broker.Host;
        start.Environment["Broker__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Broker__VirtualHost"] = broker.VirtualHost;
        foreach (var (name, value) in broker.NodeVariables())
        {
            start.Environment[name] = value;
        }

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
        var router = new RouterProcess(process);
        router.Output.Attach(process, "router");
        return router;
    }

    /// <summary>What the router printed (the last lines), for failure messages; reading it also keeps the pipes drained.</summary>
    public ProcessOutput Output { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>SIGTERM: the router stops in order; returns once it has exited and all it printed is in <see cref="Output"/>.</summary>
    public Task StopAsync() => GracefulStop.StopAsync(_process, TimeSpan.FromSeconds(60));

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
