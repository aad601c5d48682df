using System.CommandLine;
using Hub.Cli.Commands.Audit;
using Hub.Router.Ledger;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq purge --queue Q --reason "..." --confirm</c>: removes dead-lettered messages without replaying
/// them (all, or those that failed longer ago than <c>--older-than</c>). One ledger row per message, written before
/// that message is removed.
/// </summary>
internal static class PurgeCommand
{
    public static Command Create()
    {
        var queue = new Option<string>("--queue") { Description = "The dead-letter queue to purge", Required = true };
        var olderThan = new Option<string?>("--older-than") { Description = "Only messages that failed longer ago than this: 30m, 12h, 7d" };
        var confirm = new Option<bool>("--confirm") { Description = "Required: the messages are gone for good" };
        var broker = new BrokerSettings();
        var who = new OperatorOptions();
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var format = OutputFormat.Option(DeadLetterPurgeJson.Schema);
        var command = new Command("purge", "Remove dead-lettered messages from one queue without replaying them; each removal is ledgered (needs --reason and --confirm)") { queue, olderThan, confirm, sqlite, format };
        broker.AddTo(command);
        who.AddTo(command);
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetValue(queue)!;
            string? error = DeadLetterQueues.TryParse(name, out _, out _) ? null : "--queue must be a hub dead-letter queue, e.g. hub.ingress.probation_error.";
            TimeSpan? age = null;
            if (error is null && result.GetValue(olderThan) is { } text)
            {
                error = AgeParser.TryParse(text, out var parsed) ? null : "--older-than must be a whole number of minutes, hours or days: 30m, 12h, 7d.";
                age = parsed;
            }

            var operatorName = error is null ? who.Who(result, out error) : null;
            var reason = error is null ? who.Why(result, required: true, "purge", out error) : null;
            if (error is null && !result.GetValue(confirm))
            {
                error = $"Purging removes the messages of {name} for good: add --confirm.";
            }

            var options = error is null ? broker.Resolve(result, out error) : null;

            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            await using var ledger = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            if (ledger is null)
            {
                return 2;
            }

            await OpsLedger.PrepareAsync(ledger, cancellationToken);
            await using var connection = await OpsBroker.ConnectAsync(options!, cancellationToken);
            if (connection is null)
            {
                return 3;
            }

            var depth = await connection.DepthAsync(name, cancellationToken) ?? 0;
            var now = TimeProvider.System.GetUtcNow();
            var purged = new List<DeadLetter>();
            var kept = 0;
            if (depth > 0)
            {
                await using var session = await connection.BrowseAsync(name, (int)Math.Min(depth, DeadLetterFinder.MaxPerQueue), cancellationToken);
                foreach (var message in session.Messages)
                {
                    var letter = DeadLetterReader.Read(message);
                    if (age is { } minimum && (letter.FailedAt is not { } failedAt || now - failedAt < minimum))
                    {
                        kept++;
                        continue;
                    }

                    var detail = age is { } a ? $"older than {result.GetValue(olderThan)} (failed {DeadLetterPrinter.Time(letter.FailedAt)})" : "all messages of the queue";
                    if (!await OpsLedger.RecordAsync(ledger, OperatorAccessRows.For(OperatorActions.Purged, letter, operatorName!, reason, now, detail), "purged", cancellationToken))
                    {
                        return 1;
                    }

                    await session.RemoveAsync(message, cancellationToken);
                    purged.Add(letter);
                }
            }

            if (OutputFormat.IsJson(result, format))
            {
                OutputFormat.Write(DeadLetterPurgeJson.Of(name, result.GetValue(olderThan), purged, kept));
                return 0;
            }

            Console.WriteLine($"{purged.Count} message(s) purged from {name}, {kept} kept{(age is null ? string.Empty : " (newer, or with no failure time)")}; each purge is in the ledger.");
            return 0;
        });
        return command;
    }
}
