using System.CommandLine;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules diff OLD NEW</c>: what a change to the agreements would do, per (event type, source, recipient):
/// shares that start or stop, fields that start or stop leaving, consent that becomes needed. With
/// <c>--cases</c>, also replays the case packs under both sets and lists every decision that flips.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var oldFolder = new Argument<DirectoryInfo>("OLD") { Description = "Folder of the agreements in force" };
        var newFolder = new Argument<DirectoryInfo>("NEW") { Description = "Folder of the proposed agreements" };
        var cases = new Option<string?>("--cases") { Description = "Case file or folder to replay under both sets" };
        var today = RulesOptions.Today();
        var format = OutputFormat.Option(DiffJson.Schema);
        var command = new Command("diff", "Show which recipient and field decisions a change to the agreements would flip") { oldFolder, newFolder, cases, today, format };
        command.SetAction(result =>
        {
            var day = RulesOptions.TodayOr(result.GetValue(today));
            var before = CaseFiles.LoadAgreements(result.GetValue(oldFolder)!.FullName, day);
            var after = CaseFiles.LoadAgreements(result.GetValue(newFolder)!.FullName, day);
            if (before is null || after is null)
            {
                return 2;
            }

            var json = OutputFormat.IsJson(result, format);
            var text = OutputFormat.TextOut(json);
            var changes = AgreementDiff.Compare(before, after, day).ToList();
            foreach (var change in changes)
            {
                text.WriteLine(change);
            }

            List<CaseFlip>? flips = null;
            if (result.GetValue(cases) is { } casePath)
            {
                var (loaded, errors) = CaseFiles.Read(CaseFiles.Locate(casePath));
                if (errors > 0)
                {
                    return 2;
                }

                // Both sets decide for the same candidates, so that a participant added or removed shows as decisions that flip.
                var agencies = before.Participants.Codes.Union(after.Participants.Codes).ToList();
                flips = CaseFlips.Find(loaded, new AgreementDecisionEngine(before), new AgreementDecisionEngine(after), agencies);
                foreach (var flip in flips)
                {
                    text.WriteLine(flip);
                }
            }

            if (json)
            {
                OutputFormat.Write(DiffJson.Of(before.Hash, after.Hash, changes, flips));
                return 0;
            }

            Console.WriteLine($"{changes.Count} change(s) to sharing rules; {flips?.Count ?? 0} case decision(s) flip ({before.Hash} -> {after.Hash})");
            return 0;
        });
        return command;
    }
}
