using System.Diagnostics;
using Hub.LoadHarness.Processes;

namespace Hub.LoadHarness.Chaos;

/// <summary>Runs <c>hub audit verify --postgres LEDGER</c> from the CLI's own build output; exit 0 means chain and outbox intact.</summary>
public static class AuditVerify
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string ledger, CancellationToken cancellationToken)
    {
        var cli = Repository.Output(Repository.Root(), "src/Hub.Cli", "hub.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("hub.dll is missing from src/Hub.Cli's build output: build the harness in Release first (scripts/chaos.sh does).", cli);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", cli, "audit", "verify", "--postgres", ledger })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start hub audit verify.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output) + (await errors));
    }
}
