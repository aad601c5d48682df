using System.CommandLine;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules test DIR CASES</c>: runs IG-authored cases; a readable difference per failing case; non-zero exit on
/// failure. <c>--format json</c> prints one document instead (<see cref="TestJson"/>); <c>--junit FILE</c> also writes
/// the results as JUnit XML for an agency's own CI (<see cref="JunitReport"/>), with either format.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var agreements = new Argument<DirectoryInfo>("DIR") { Description = "Folder of agreement files" };
        var cases = new Argument<string>("CASES") { Description = "A case file, or a folder of case files (*.yaml)" };
        var today = RulesOptions.Today();
        var format = OutputFormat.Option(TestJson.Schema);
        var junit = new Option<FileInfo?>("--junit") { Description = "Also write the results to FILE as JUnit XML (one testsuite per case file), replacing it atomically" };
        var command = new Command("test", "Run case packs: an event, consents, a time, and the expected decision and fields per recipient") { agreements, cases, today, format, junit };
        command.SetAction(result =>
        {
            var set = CaseFiles.LoadAgreements(result.GetValue(agreements)!.FullName, RulesOptions.TodayOr(result.GetValue(today)));
            var (loaded, errors) = CaseFiles.Read(CaseFiles.Locate(result.GetValue(cases)!));
            if (set is null || errors > 0)
            {
                Console.Error.WriteLine("Cases not run: fix the errors above first.");
                return 2;
            }

            var engine = new AgreementDecisionEngine(set);
            var results = loaded.Select(c => CaseResults.Run(engine, c, set.Participants.Codes)).ToList();
            if (result.GetValue(junit) is { } file)
            {
                JunitReport.Write(file, JunitReport.Build(set.Hash, results));
            }

            var failed = results.Count(r => !r.Passed);
            if (OutputFormat.IsJson(result, format))
            {
                OutputFormat.Write(TestJson.Of(set.Hash, results));
                return failed > 0 ? 1 : 0;
            }

            foreach (var outcome in results)
            {
                Console.WriteLine($"{(outcome.Passed ? "PASS" : "FAIL")}  {outcome.Case.Name}  ({outcome.Case.Location})");
                foreach (var difference in outcome.Outcome.Differences)
                {
                    Console.WriteLine("      " + difference);
                }
            }

            Console.WriteLine($"{loaded.Count} case(s): {loaded.Count - failed} passed, {failed} failed (agreement set {set.Hash})");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
