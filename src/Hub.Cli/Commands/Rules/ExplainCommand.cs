using System.CommandLine;
using Hub.Cli.Commands;
using Hub.Sharing.Cases;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary><c>hub rules explain --event FILE</c>: every candidate recipient, the decision and every reason, as the router would decide it.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var eventFile = new Option<FileInfo>("--event") { Description = "A case file holding the event (source, type, at, event, consents)", Required = true };
        var agreements = new Option<DirectoryInfo?>("--agreements") { Description = "Folder of agreement files (default: samples/agreements)" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Decide as of this time instead of the case's own" };
        var today = RulesOptions.Today();
        var format = OutputFormat.Option(ExplainJson.Schema);
        var command = new Command("explain", "Explain, recipient by recipient, what would be shared and why") { eventFile, agreements, at, today, format };
        command.SetAction(result =>
        {
            var directory = result.GetValue(agreements)?.FullName ?? RepositoryPaths.Find(Path.Combine("samples", "agreements"));
            if (directory is null)
            {
                Console.Error.WriteLine("Cannot find samples/agreements; pass --agreements DIR.");
                return 2;
            }

            var set = CaseFiles.LoadAgreements(directory, RulesOptions.TodayOr(result.GetValue(today)));
            var (cases, errors) = CaseFiles.Read(result.GetValue(eventFile)!);
            if (set is null || errors > 0)
            {
                return 2;
            }

            var engine = new AgreementDecisionEngine(set);
            var json = OutputFormat.IsJson(result, format);
            var events = new List<object>();
            foreach (var shareCase in cases)
            {
                var time = result.GetValue(at) ?? shareCase.At;
                var request = ShareRequests.Build(shareCase.Source, shareCase.Event, set.Participants.Codes, time, new ConsentSnapshot(shareCase.Consents));
                if (json)
                {
                    events.Add(ExplainJson.Event(shareCase, request, time, engine.Decide(request)));
                    continue;
                }

                Console.WriteLine($"{shareCase.Name}: {request.EventType} {shareCase.Event.Envelope.EventId} from {shareCase.Source}, decided at {time:yyyy-MM-dd HH:mm:ss}Z under agreement set {set.Hash}");
                Console.WriteLine($"  present fields: {string.Join(", ", request.PresentFields.Order(StringComparer.Ordinal))}");
                foreach (var decision in engine.Decide(request))
                {
                    DecisionPrinter.Write(Console.Out, decision);
                }
            }

            if (json)
            {
                OutputFormat.Write(ExplainJson.Of(set.Hash, events));
            }

            return 0;
        });
        return command;
    }
}
