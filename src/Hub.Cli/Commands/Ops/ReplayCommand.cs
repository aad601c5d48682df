using System.CommandLine;
using Hub.Cli.Commands.Audit;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops dlq replay MESSAGE_ID | --all</c>: sends dead-lettered messages back through the router, so policy
/// applies again (docs/adr/0012). Per message: the ledger row first, then the router's replay request with a publisher
/// confirm; a delivery dead letter is removed after that, an ingress one by the router once it has re-published it, so
/// a crash at any point loses nothing (<see cref="DeadLetterReplayer"/>).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("MESSAGE_ID") { Description = "The message to replay (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every message of the selected dead-letter queues" };
        var queues = new QueueSelection();
        var broker = new BrokerSettings();
        var who = new OperatorOptions();
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var format = OutputFormat.Option(DeadLetterReplayJson.Schema);
        var command = new Command("replay", "Replay dead-lettered messages through the router: ingress events are decided again, deliveries re-checked under the current agreements and consents") { id, all, sqlite, format };
        queues.AddTo(command);
        broker.AddTo(command);
        who.AddTo(command);
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var messageId = result.GetValue(id);
            var everything = result.GetValue(all);
            string? error = (messageId is null) == everything ? null : "Give a MESSAGE_ID or --all (with --queue or --agency to narrow it), not both.";
            if (error is null && messageId is null && !everything)
            {
                error = "Give a MESSAGE_ID or --all.";
            }

            if (error is null && messageId is not null && !Guid.TryParse(messageId, out _))
            {
                error = "MESSAGE_ID must be a message id (a GUID) as `hub ops dlq list` shows it.";
            }

            var selected = error is null ? queues.Resolve(result, out error) : null;
            var operatorName = error is null ? who.Who(result, out error) : null;
            var reason = error is null ? who.Why(result, required: false, "replay", out error) : null;
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

            var json = OutputFormat.IsJson(result, format);
            var replay = new DeadLetterReplayer(connection, ledger, operatorName!, reason, OutputFormat.TextOut(json));
            if (messageId is not null)
            {
                var found = await DeadLetterFinder.FindAsync(connection, selected!, messageId, cancellationToken);
                if (found is not { } hit)
                {
                    await Console.Error.WriteLineAsync($"No message {messageId} in {(selected!.Count == 1 ? selected[0] : "any hub dead-letter queue")}.");
                    return 1;
                }

                var (one, _) = await replay.ReplayAsync(hit.Session, [(hit.Message, hit.Letter)], cancellationToken);
                if (json)
                {
                    OutputFormat.Write(DeadLetterReplayJson.Of(replay.Results));
                }

                return one == 1 ? 0 : 1;
            }

            var failed = 0;
            var replayed = 0;
            foreach (var queue in selected!)
            {
                // Only what is there now: a replay that fails again lands back in this queue and must not be taken twice.
                var depth = await connection.DepthAsync(queue, cancellationToken) ?? 0;
                if (depth == 0)
                {
                    continue;
                }

                var session = await connection.BrowseAsync(queue, (int)Math.Min(depth, DeadLetterFinder.MaxPerQueue), cancellationToken);
                var (done, notDone) = await replay.ReplayAsync(session, [.. session.Messages.Select(m => (m, DeadLetterReader.Read(m)))], cancellationToken);
                replayed += done;
                failed += notDone;
            }

            if (json)
            {
                OutputFormat.Write(DeadLetterReplayJson.Of(replay.Results));
            }
            else
            {
                Console.WriteLine($"{replayed} message(s) replayed, {failed} left in place.");
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
