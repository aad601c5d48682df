using System.Diagnostics;
using System.Text.Json;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// The ledger-at-scale bench (bench/Hub.LedgerBench, docs/benchmarks.md) at 20,000 rows: it generates a sealed ledger by
/// binary COPY that <c>hub audit verify</c> passes while streaming it, and <c>hub audit subject</c> finds the person of
/// interest's rows through the subject index (the plan is asserted, never a time: figures belong to benchmark runs).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class LedgerBenchTests(ServersFixture servers) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("agencyhub-it-ledger-bench-").FullName;

    [Fact]
    public async Task When_run_small_should_verify_every_row_and_find_the_subject_through_the_index()
    {
        var report = Path.Combine(_work, "ledger-bench.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec", WorkerBuildOutput.Find(Path.Combine("bench", "Hub.LedgerBench"), "Hub.LedgerBench.dll"),
            "--postgres", servers.PostgresAdmin, "--rows", "20000", "--subjects", "50", "--subject-rows", "40", "--runs", "2", "--out", report,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var bench = Process.Start(start)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var errors = bench.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            await bench.WaitForExitAsync(patience.Token);
        }

        bench.ExitCode.ShouldBe(0, $"{await errors}\n{await output}");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
        var root = json.RootElement;
        var verify = root.GetProperty("verify");
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue(verify.GetProperty("verdict").GetString());
        (verify.GetProperty("sealsVerified").GetInt64(), verify.GetProperty("rowsVerified").GetInt64(), verify.GetProperty("unsealedRows").GetInt64()).ShouldBe((20L, 20000L, 0L));
        root.GetProperty("load").GetProperty("interestRows").GetInt64().ShouldBe(40);
        root.GetProperty("subject").GetProperty("decisions").GetInt32().ShouldBe(40, "every row about the person, and only those");
        root.GetProperty("subject").GetProperty("decisionsWithRecall").GetInt32().ShouldBeGreaterThan(0, "the withdrawn consent's deliveries were recalled");
        var plan = root.GetProperty("plans").GetProperty("subject").GetString()!;
        plan.ShouldContain("Bitmap Index Scan on ledger_entries_subject", customMessage: plan);
        plan.ShouldNotContain("Seq Scan on ledger_entries", customMessage: plan);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
