using System.CommandLine;
using System.Data.Common;
using Hub.Cli.Commands.Audit;
using Hub.Contracts.Agencies;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops trace EVENT_ID</c>: the event's journey from the ledger (every decision, rejection and operator act),
/// the outbox (sent or not), recalls after consent withdrawals and retractions, and the broker (is a copy sitting in a dead-letter queue?), as a timeline.
/// Metadata only.
/// </summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("EVENT_ID") { Description = "The event id (envelope.eventId)" };
        var noBroker = new Option<bool>("--no-broker") { Description = "Read the ledger only (e.g. for the embedded run, which has no broker)" };
        var broker = new BrokerSettings();
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var format = OutputFormat.Option(TraceJson.Schema);
        var command = new Command("trace", "Follow one event: decisions per recipient, deliveries sent or not, recalls, operator acts, and dead-lettered copies") { id, noBroker, sqlite, format };
        broker.AddTo(command);
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!Guid.TryParse(result.GetValue(id), out var eventId))
            {
                await Console.Error.WriteLineAsync("EVENT_ID must be an event id (a GUID).");
                return 2;
            }

            string? error = null;
            var options = result.GetValue(noBroker) ? null : broker.Resolve(result, out error);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error + " (or pass --no-broker to read the ledger only)");
                return 2;
            }

            await using var ledger = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            if (ledger is null)
            {
                return 2;
            }

            try
            {
                var rows = await ledger.Ledger.ReadEventAsync(eventId, cancellationToken);
                var outbox = await ledger.Ledger.OutboxForEventAsync(eventId, cancellationToken);
                await ledger.PrepareRecallsAsync(cancellationToken);
                var recalls = TraceTimeline.RecallsConcerning(eventId, await ledger.Recalls.RecallsAsync(includeAcknowledged: true, cancellationToken));
                List<DeadLetter> deadLetters = [];
                string state;
                if (options is null)
                {
                    state = "not checked (--no-broker)";
                }
                else
                {
                    await using var connection = await OpsBroker.ConnectAsync(options, cancellationToken);
                    if (connection is null)
                    {
                        return 3;
                    }

                    deadLetters = await FindAsync(connection, eventId, cancellationToken);
                    state = deadLetters.Count == 0 ? "in no dead-letter queue" : $"{deadLetters.Count} copy(ies) in dead-letter queues: {string.Join(", ", deadLetters.Select(d => d.Queue).Distinct())}";
                }

                var steps = TraceTimeline.Build(rows, outbox, recalls, deadLetters);
                if (OutputFormat.IsJson(result, format))
                {
                    OutputFormat.Write(TraceJson.Of(eventId, rows, outbox, recalls, options is null ? null : deadLetters, steps));
                }
                else
                {
                    TraceTimeline.Write(Console.Out, eventId, rows, steps, state);
                }

                return rows.Count == 0 && deadLetters.Count == 0 ? 1 : 0;
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot read the ledger ({ex.GetType().Name}, SQL state {ex.SqlState ?? "none"}).");
                return 2;
            }
        });
        return command;
    }

    private static async Task<List<DeadLetter>> FindAsync(DeadLetterBroker broker, Guid eventId, CancellationToken cancellationToken)
    {
        var found = new List<DeadLetter>();
        foreach (var queue in DeadLetterQueues.For(AgencyCode.WellKnown))
        {
            var depth = await broker.DepthAsync(queue, cancellationToken) ?? 0;
            if (depth == 0)
            {
                continue;
            }

            await using var session = await broker.BrowseAsync(queue, (int)Math.Min(depth, DeadLetterFinder.MaxPerQueue), cancellationToken);
            found.AddRange(session.Messages.Select(DeadLetterReader.Read).Where(l => l.EventId == eventId));
        }

        return found;
    }
}
