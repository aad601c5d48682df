using System.CommandLine;
using Hub.Cli.Commands.Audit;
using Hub.Router.Ledger;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq show MESSAGE_ID</c>: one dead-lettered message's metadata. With <c>--payload --reason "..."</c> it
/// also prints the body, after recording in the disclosure ledger who looked, when, at which message and why; if the
/// ledger cannot be written, nothing is shown.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("MESSAGE_ID") { Description = "The message id, as `hub ops dlq list` shows it" };
        var payload = new Option<bool>("--payload") { Description = "Also print the message body (needs --reason; recorded in the ledger before it is printed)" };
        var queues = new QueueSelection();
        var broker = new BrokerSettings();
        var who = new OperatorOptions();
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var format = OutputFormat.Option(DeadLetterShowJson.Schema);
        var command = new Command("show", "Show one dead-lettered message: metadata only, unless --payload with a --reason (ledgered first)") { id, payload, sqlite, format };
        queues.AddTo(command);
        broker.AddTo(command);
        who.AddTo(command);
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var showPayload = result.GetValue(payload);
            var messageId = result.GetValue(id)!;
            string? error = Guid.TryParse(messageId, out _) ? null : "MESSAGE_ID must be a message id (a GUID) as `hub ops dlq list` shows it.";
            var selected = error is null ? queues.Resolve(result, out error) : null;
            var operatorName = error is null ? who.Who(result, out error) : null;
            var reason = error is null ? who.Why(result, showPayload, "--payload", out error) : null;
            if (error is null && !showPayload && reason is not null)
            {
                error = "--reason is recorded only with --payload; without it nothing is ledgered.";
            }

            var options = error is null ? broker.Resolve(result, out error) : null;

            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            await using var ledger = showPayload ? AuditConnection.Open(result, postgres, result.GetValue(sqlite)!) : null;
            if (showPayload && ledger is null)
            {
                return 2;
            }

            await using var connection = await OpsBroker.ConnectAsync(options!, cancellationToken);
            if (connection is null)
            {
                return 3;
            }

            var found = await DeadLetterFinder.FindAsync(connection, selected!, messageId, cancellationToken);
            if (found is not { } hit)
            {
                await Console.Error.WriteLineAsync($"No message {messageId} in {(selected!.Count == 1 ? selected[0] : "any hub dead-letter queue")}.");
                return 1;
            }

            await using var session = hit.Session;
            var json = OutputFormat.IsJson(result, format);
            DeadLetterPrinter.WriteDetail(OutputFormat.TextOut(json), hit.Letter);
            if (!showPayload)
            {
                if (json)
                {
                    OutputFormat.Write(DeadLetterShowJson.Of(hit.Letter, payload: null));
                }

                return 0;
            }

            await OpsLedger.PrepareAsync(ledger!, cancellationToken);
            if (!await OpsLedger.RecordAsync(ledger!, OperatorAccessRows.For(OperatorActions.PayloadViewed, hit.Letter, operatorName!, reason, TimeProvider.System.GetUtcNow()), "showing the payload", cancellationToken))
            {
                return 2;
            }

            if (json)
            {
                OutputFormat.Write(DeadLetterShowJson.Of(hit.Letter, PayloadPrinter.ToJson(hit.Message.Body)));
                return 0;
            }

            PayloadPrinter.Write(Console.Out, hit.Message.Body);
            return 0;
        });
        return command;
    }
}
