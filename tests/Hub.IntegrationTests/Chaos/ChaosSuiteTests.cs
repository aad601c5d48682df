using System.Text.Json;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Chaos;

/// <summary>
/// The short variant of the chaos suite (scripts/chaos.sh, docs/reliability.md#chaos-suite): one scenario per kind of
/// fault (the broker paused, a router killed then all three restarted in turn, the ledger's database crash-restarted, a
/// recipient's worker killed) with a small release list, each on fresh servers of its own started by the script, the
/// real router and workers as processes. The script's own checks decide the exit code; the test also reads the
/// scenario's JSON result so a failure says which check broke, and that the fault really came during the list. The
/// cluster node kill and the Postgres failover run in scripts/chaos.sh only: Cluster/ covers both faults already.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ChaosSuiteTests : IDisposable
{
    // Enough rows that the fault lands while the list flows on a 2-core machine, few enough to keep each case near two minutes.
    private const int Events = 600;

    private readonly string _out = Directory.CreateTempSubdirectory("agencyhub-it-chaos-").FullName;

    [Theory]
    [InlineData("network-pause")]
    [InlineData("router-kill")]
    [InlineData("postgres-restart")]
    [InlineData("recipient-kill")]
    public async Task When_a_fault_hits_under_load_should_lose_and_duplicate_nothing_and_recover_by_itself(string scenario)
    {
        var harness = WorkerBuildOutput.Find(Path.Combine("bench", "Hub.LoadHarness"), "Hub.LoadHarness.dll");
        var run = await ProgramRun.RunAsync(
            "bash",
            [Path.Combine(RepositoryRoot.Path, "scripts", "chaos.sh"), "--harness", harness, "--events", Events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scenario", scenario, "--seed", "14", "--timeout-minutes", "6", "--out", _out],
            RepositoryRoot.Path,
            TimeSpan.FromMinutes(10));

        var resultFile = Path.Combine(_out, scenario + ".json");
        File.Exists(resultFile).ShouldBeTrue($"the scenario wrote no result:\n{run.Errors}\n{run.Output}");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(resultFile));
        var result = json.RootElement;
        var context = $"{result}\n{run.Errors}";
        // The result leaves out what is null: an error is written only when the run did not complete.
        result.TryGetProperty("error", out _).ShouldBeFalse(context);
        result.GetProperty("faultAfterDecisions").GetInt64().ShouldBeLessThan(Events, "the fault came while the list was still being decided");
        result.GetProperty("repairSeconds").ValueKind.ShouldBe(JsonValueKind.Number, context);
        var tally = result.GetProperty("tally");
        tally.GetProperty("lost").GetInt64().ShouldBe(0, context);
        tally.GetProperty("duplicateEffects").GetInt64().ShouldBe(0, context);
        tally.GetProperty("unaccounted").GetInt64().ShouldBe(0, context);
        result.GetProperty("verifyExitCode").GetInt32().ShouldBe(0, "hub audit verify on the ledger");
        result.GetProperty("deadLetters").GetInt64().ShouldBe(0, context);
        result.GetProperty("notRunning").GetArrayLength().ShouldBe(0, context);
        result.GetProperty("consuming").GetBoolean().ShouldBeTrue(context);
        run.ExitCode.ShouldBe(0, context);
        run.Output.ShouldContain(scenario);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_out, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed clean-up must not hide the test's outcome.
        }
    }
}
