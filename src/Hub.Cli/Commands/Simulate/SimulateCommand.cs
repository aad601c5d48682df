using System.CommandLine;
using Hub.Cli.Embedded;
using Hub.Simulation.Output;
using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>
/// <c>hub simulate</c>: synthetic agency traffic sized from scenarios.md §4, written where the agencies' own systems
/// would put it (each adapter's drop-folder inbox), at a chosen speed-up. It never publishes to the broker itself, so
/// everything it makes goes through the adapters' real mappers and the router like production traffic.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var options = new SimulateOptions();
        var command = new Command("simulate", "Write synthetic agency records (release lists, consents, housing queries, JCP answers) into the adapters' drop folders at a chosen speed-up; counts only are printed");
        options.AddTo(command);
        var format = OutputFormat.Option(SimulateJson.Schema);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (options.Problem(result) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var settings = options.Settings(result);
            var timeline = SimulationTimeline.Generate(settings);
            var json = OutputFormat.IsJson(result, format);
            var printer = new SimulationPrinter(OutputFormat.TextOut(json));
            if (result.GetValue(options.DryRun))
            {
                printer.Heading(settings, "dry run, nothing written");
                printer.Plan(timeline);
                if (json)
                {
                    OutputFormat.Write(SimulateJson.DryRun(settings, timeline));
                }

                return 0;
            }

            if (result.GetValue(options.Embedded))
            {
                return await EmbeddedAsync(options, result, settings, timeline, json, cancellationToken);
            }

            var target = new DropFolderTarget(result.GetValue(options.DropRoot)!.FullName);
            var speedup = result.GetValue(options.Speedup);
            var period = options.Period(result) ?? Batching.DefaultPeriod(speedup);
            printer.Heading(settings, $"speed-up {speedup}, one file per kind per simulated {(period == TimeSpan.FromDays(1) ? "day" : "hour")}");
            var days = new List<object>();
            var day = new DayTally((date, counts) =>
            {
                printer.Day(date, counts);
                days.Add(SimulateJson.Day(date, counts));
            });
            printer.DayHeading();
            var summary = await new SimulationRunner(target, TimeProvider.System).RunAsync(timeline, period, speedup, (batch, _) => day.Add(batch), cancellationToken);
            day.Flush();
            printer.Summary(summary, target.Root);
            if (json)
            {
                OutputFormat.Write(SimulateJson.DropFolder(settings, speedup, period, days, summary, target.Root));
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> EmbeddedAsync(SimulateOptions options, ParseResult result, SimulationSettings settings, SimulationTimeline timeline, bool json, CancellationToken cancellationToken)
    {
        var agreements = result.GetValue(options.Agreements)?.FullName ?? RepositoryPaths.Find(Path.Combine("samples", "agreements"));
        if (agreements is null)
        {
            await Console.Error.WriteLineAsync("Cannot find samples/agreements; pass --agreements DIR.");
            return 2;
        }

        var ledger = result.GetValue(options.Ledger)!.FullName;
        new SimulationPrinter(OutputFormat.TextOut(json)).Heading(settings, "embedded: router in this process, probation files through the SDK's drop-folder processor");
        var outcome = await new SimulatedRun(ledger, agreements, result.GetValue(options.DropRoot)!.FullName).ExecuteAsync(timeline, cancellationToken);
        if (json)
        {
            OutputFormat.Write(SimulatedRunJson.Of(settings, outcome, ledger));
        }
        else
        {
            new SimulatedRunReport(Console.Out).Write(outcome.Reports, outcome.Entries, ledger, outcome.ProbationRoot);
        }

        return outcome.Complete ? 0 : 1;
    }
}
