using System.CommandLine;
using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary><c>hub rules test DIR CASES</c>: runs IG-authored cases; a readable difference per failing case; non-zero exit on failure.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var agreements = new Argument<DirectoryInfo>("DIR") { Description = "Folder of agreement files" };
        var cases = new Argument<string>("CASES") { Description = "A case file, or a folder of case files (*.yaml)" };
        var today = RulesOptions.Today();
        var command = new Command("test", "Run case packs: an event, consents, a time, and the expected decision and fields per recipient") { agreements, cases, today };
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
            var failed = 0;
            foreach (var shareCase in loaded)
            {
                var outcome = CaseRunner.Run(engine, shareCase, set.Participants.Codes);
                Console.WriteLine($"{(outcome.Passed ? "PASS" : "FAIL")}  {shareCase.Name}  ({shareCase.Location})");
                foreach (var difference in outcome.Differences)
                {
                    Console.WriteLine("      " + difference);
                }

                failed += outcome.Passed ? 0 : 1;
            }

            Console.WriteLine($"{loaded.Count} case(s): {loaded.Count - failed} passed, {failed} failed (agreement set {set.Hash})");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
