using System.CommandLine;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Cases;
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
        var command = new Command("diff", "Show which recipient and field decisions a change to the agreements would flip") { oldFolder, newFolder, cases, today };
        command.SetAction(result =>
        {
            var day = RulesOptions.TodayOr(result.GetValue(today));
            var before = CaseFiles.LoadAgreements(result.GetValue(oldFolder)!.FullName, day);
            var after = CaseFiles.LoadAgreements(result.GetValue(newFolder)!.FullName, day);
            if (before is null || after is null)
            {
                return 2;
            }

            var changes = AgreementDiff.Compare(before, after, day).ToList();
            foreach (var change in changes)
            {
                Console.WriteLine(change);
            }

            var flips = 0;
            if (result.GetValue(cases) is { } casePath)
            {
                var (loaded, errors) = CaseFiles.Read(CaseFiles.Locate(casePath));
                if (errors > 0)
                {
                    return 2;
                }

                // Both sets decide for the same candidates, so that a participant added or removed shows as decisions that flip.
                var agencies = before.Participants.Codes.Union(after.Participants.Codes).ToList();
                flips = Replay(loaded, new AgreementDecisionEngine(before), new AgreementDecisionEngine(after), agencies);
            }

            Console.WriteLine($"{changes.Count} change(s) to sharing rules; {flips} case decision(s) flip ({before.Hash} -> {after.Hash})");
            return 0;
        });
        return command;
    }

    private static int Replay(IEnumerable<ShareCase> cases, IDecisionEngine before, IDecisionEngine after, IReadOnlyList<AgencyCode> agencies)
    {
        var flips = 0;
        foreach (var shareCase in cases)
        {
            var old = CaseRunner.Run(before, shareCase, agencies).Decisions;
            var now = CaseRunner.Run(after, shareCase, agencies).Decisions;
            foreach (var (was, becomes) in old.Zip(now))
            {
                var added = becomes.ReleasedFields.Except(was.ReleasedFields).ToList();
                var removed = was.ReleasedFields.Except(becomes.ReleasedFields).ToList();
                if (was.IsAllowed == becomes.IsAllowed && added.Count + removed.Count == 0)
                {
                    continue;
                }

                flips++;
                var outcome = was.IsAllowed == becomes.IsAllowed ? "still allowed" : $"{(was.IsAllowed ? "allow" : "deny")} -> {(becomes.IsAllowed ? "allow" : "deny")}";
                Console.WriteLine($"case '{shareCase.Name}': {becomes.Recipient} {outcome}{Fields("+", added)}{Fields("-", removed)}");
            }
        }

        return flips;
    }

    private static string Fields(string sign, List<string> fields) => fields.Count == 0 ? string.Empty : $"; fields {sign}{string.Join($" {sign}", fields)}";
}
