using System.Diagnostics;
using System.Text.Json;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Runs the built <c>hub audit subject</c> against the test ledger, as an IG lead would, and parses its JSON.</summary>
public static class SubjectReportProcess
{
    public static async Task<JsonDocument> RunAsync(string ledgerConnectionString, string subjectKey, params string[] identifier)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), "agencyhub-it-key-" + Guid.NewGuid().ToString("N")[..8]);
        await File.WriteAllTextAsync(keyFile, subjectKey);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "hub.dll"), "audit", "subject" }.Concat(identifier)
                .Concat(["--postgres", ledgerConnectionString, "--subject-key-file", keyFile, "--format", "json"]))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, await errors);
            return JsonDocument.Parse(await output);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
