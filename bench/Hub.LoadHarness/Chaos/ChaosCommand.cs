using System.CommandLine;
using System.Security.Cryptography;

namespace Hub.LoadHarness.Chaos;

/// <summary>
/// <c>chaos --scenario NAME</c>: one scenario of the chaos suite on the servers in the environment. Run it through
/// scripts/chaos.sh, which starts the servers each scenario needs and prints the table. Exit 0 when every check
/// passed, 1 when one did not, 2 for bad options.
/// </summary>
public static class ChaosCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "One of: " + string.Join(", ", ChaosScenario.All.Select(s => s.Name)), Required = true };
        var events = new Option<int>("--events") { Description = "Rows in the release list dropped while the fault is injected", DefaultValueFactory = _ => 20000 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulator, the fault's moment and victim (default: a random one, printed)" };
        var timeout = new Option<double?>("--timeout-minutes") { Description = "The scenario's bound (default 5 minutes plus 30 ms an event)" };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for drop folders, sinks and process logs (default: a new temp folder)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the result as JSON here too" };
        var row = new Option<FileInfo?>("--row") { Description = "Append the result's table row here (tab-separated), for scripts/chaos.sh" };
        var command = new Command("chaos", "One chaos scenario: sustained load from the simulator through the real adapters while one fault is injected, then the checks (nothing lost or done twice, hub audit verify, no dead letters, every process recovered by itself)")
        {
            scenario, events, seed, timeout, work, output, row,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = ChaosScenario.Named(result.GetValue(scenario) ?? string.Empty);
            var count = result.GetValue(events);
            var minutes = result.GetValue(timeout);
            if (chosen is null || count <= 0 || minutes <= 0)
            {
                await Console.Error.WriteLineAsync($"--scenario takes one of {string.Join(", ", ChaosScenario.All.Select(s => s.Name))}; --events and --timeout-minutes must be above 0.");
                return 2;
            }

            var settings = new ChaosSettings(
                chosen,
                count,
                result.GetValue(seed) ?? RandomNumberGenerator.GetInt32(1, int.MaxValue),
                minutes is { } m ? TimeSpan.FromMinutes(m) : ChaosSettings.DefaultTimeout(count),
                (result.GetValue(work) ?? Directory.CreateTempSubdirectory("agencyhub-chaos-")).FullName,
                result.GetValue(output)?.FullName,
                result.GetValue(row)?.FullName);
            return await ChaosRun.RunAsync(settings, cancellationToken);
        });
        return command;
    }
}
