using System.Text.Json;
using Hub.Contracts.Subjects;

namespace Hub.LedgerBench.Measure;

/// <summary>
/// <c>hub audit subject</c> as a whole process, once: what an IG lead waits for, .NET start-up and a new connection
/// included. The report must list as many decisions as the in-process build found.
/// </summary>
public static class SubjectCommandTiming
{
    public static async Task<(double Seconds, int Decisions)> RunAsync(string connectionString, string key, SubjectIdentifiers subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var keyFile = Path.Combine(Path.GetTempPath(), "agencyhub-ledger-bench-" + Guid.NewGuid().ToString("N")[..8] + ".key");
        await File.WriteAllTextAsync(keyFile, key, cancellationToken);
        try
        {
            var run = await HubCommand.RunAsync(
                ["audit", "subject", "--nhs-number", subject.NhsNumber!, "--pnc-id", subject.PncId!, "--nino", subject.Nino!, "--postgres", connectionString, "--subject-key-file", keyFile, "--format", "json"],
                null,
                cancellationToken);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"hub audit subject exited {run.ExitCode}: {run.Errors.Trim()}");
            }

            using var report = JsonDocument.Parse(run.Output);
            return (run.Seconds, report.RootElement.GetProperty("decisions").GetArrayLength());
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
