using System.CommandLine;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq list</c>: every hub dead-letter queue (or one, or one agency's) with each message's metadata:
/// ids, agencies, event type, exception type, the router's reason code, times and counts. Never a payload. The
/// messages are browsed and put back, so listing changes nothing.
/// </summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var queues = new QueueSelection();
        var broker = new BrokerSettings();
        var limit = new Option<int>("--limit") { Description = "At most this many messages per queue", DefaultValueFactory = _ => 100 };
        var format = OutputFormat.Option(DeadLetterListJson.Schema);
        var command = new Command("list", "List dead-lettered messages, metadata only (ids, agencies, event type, failure type and reason code, times)");
        queues.AddTo(command);
        broker.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            var selected = queues.Resolve(result, out var error);
            var options = error is null ? broker.Resolve(result, out error) : null;
            if (error is null && result.GetValue(limit) < 1)
            {
                error = "--limit must be at least 1.";
            }

            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            await using var connection = await OpsBroker.ConnectAsync(options!, cancellationToken);
            if (connection is null)
            {
                return 3;
            }

            var json = OutputFormat.IsJson(result, format);
            var text = OutputFormat.TextOut(json);
            var documents = new List<object>();
            var total = 0;
            foreach (var queue in selected!)
            {
                var depth = await connection.DepthAsync(queue, cancellationToken);
                if (depth is null or 0)
                {
                    DeadLetterPrinter.WriteQueue(text, queue, depth, [], truncated: false);
                    documents.Add(DeadLetterListJson.Queue(queue, depth, []));
                    continue;
                }

                await using var session = await connection.BrowseAsync(queue, result.GetValue(limit), cancellationToken);
                var letters = session.Messages.Select(DeadLetterReader.Read).ToList();
                total += letters.Count;
                DeadLetterPrinter.WriteQueue(text, queue, depth, letters, truncated: depth > letters.Count);
                documents.Add(DeadLetterListJson.Queue(queue, depth, letters));
            }

            if (json)
            {
                OutputFormat.Write(DeadLetterListJson.Of(documents, total));
                return 0;
            }

            Console.WriteLine($"{total} dead-lettered message(s) listed. Payloads are not shown: `hub ops dlq show MESSAGE_ID --payload --reason \"...\"` records the access in the ledger first.");
            return 0;
        });
        return command;
    }
}
