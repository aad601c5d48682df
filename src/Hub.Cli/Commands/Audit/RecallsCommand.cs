using System.CommandLine;
using System.Text.Json;
using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit recalls</c>: recalls still awaiting the recipient's acknowledgement (or, with --all, every recall),
/// whatever their cause: a consent withdrawal or a source's retraction (--cause picks one). Recipient, deliveries,
/// cause, requested and acknowledged times. Ids only, never personal data.
/// </summary>
internal static class RecallsCommand
{
    public static Command Create()
    {
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var all = new Option<bool>("--all") { Description = "Include acknowledged recalls" };
        var cause = new Option<string?>("--cause") { Description = $"Only recalls after a {RecallCauseKinds.ConsentWithdrawal} or a {RecallCauseKinds.Retraction}" };
        cause.AcceptOnlyFromAmong(RecallCauseKinds.ConsentWithdrawal, RecallCauseKinds.Retraction);
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("recalls", "List recalls sent after consent withdrawals and source retractions: outstanding ones, or all with --all") { sqlite, all, cause, format };
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            if (connection is null)
            {
                return 2;
            }

            await connection.PrepareRecallsAsync(cancellationToken);
            var includeAll = result.GetValue(all);
            IReadOnlyList<RecallNotice> recalls = await connection.Recalls.RecallsAsync(includeAll, cancellationToken);
            if (result.GetValue(cause) is { } only)
            {
                recalls = [.. recalls.Where(r => r.Cause.KindText == only)];
            }

            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(recalls.Select(RecallsPrinter.ToJson), AuditJson.Options));
            }
            else
            {
                RecallsPrinter.WriteText(Console.Out, recalls, includeAll);
            }

            return 0;
        });
        return command;
    }
}
