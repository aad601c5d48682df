using System.CommandLine;
using System.Text.Json;
using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit recalls</c>: recalls still awaiting the recipient's acknowledgement (or, with --all, every recall):
/// recipient, deliveries, consent, requested and acknowledged times. Ids only, never personal data.
/// </summary>
internal static class RecallsCommand
{
    public static Command Create()
    {
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var all = new Option<bool>("--all") { Description = "Include acknowledged recalls" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("recalls", "List recalls sent after consent withdrawals: outstanding ones, or all with --all") { sqlite, all, format };
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            if (connection is null)
            {
                return 2;
            }

            var includeAll = result.GetValue(all);
            var recalls = await connection.Consents.RecallsAsync(includeAll, cancellationToken);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(recalls.Select(ToJson), AuditJson.Options));
            }
            else
            {
                WriteText(recalls, includeAll);
            }

            return 0;
        });
        return command;
    }

    private static object ToJson(RecallNotice recall) => new
    {
        recall.RecallId,
        recall.Recipient,
        Consent = recall.ConsentId,
        recall.WithdrawnAt,
        recall.RequestedAt,
        recall.AcknowledgedAt,
        Status = recall.AcknowledgedAt is null ? "outstanding" : "acknowledged",
        recall.Erased,
        recall.NotHeld,
        Deliveries = recall.Deliveries.Select(d => new { d.DeliveryId, d.EventId, d.EventType, Source = d.Source.Value }),
    };

    private static void WriteText(IReadOnlyList<RecallNotice> recalls, bool includeAll)
    {
        if (recalls.Count == 0)
        {
            Console.WriteLine(includeAll ? "No recalls have been requested." : "No outstanding recalls: every recall has been acknowledged.");
            return;
        }

        var outstanding = recalls.Count(r => r.AcknowledgedAt is null);
        Console.WriteLine($"{recalls.Count} recall(s), {outstanding} outstanding");
        foreach (var recall in recalls)
        {
            var state = recall.AcknowledgedAt is { } at
                ? $"acknowledged {at:yyyy-MM-dd HH:mm:ss}Z ({recall.Erased} erased, {recall.NotHeld} not held)"
                : "OUTSTANDING";
            Console.WriteLine($"recall {recall.RecallId} to {recall.Recipient}: consent {recall.ConsentId} withdrawn {recall.WithdrawnAt:yyyy-MM-dd HH:mm:ss}Z, requested {recall.RequestedAt:yyyy-MM-dd HH:mm:ss}Z, {state}");
            foreach (var delivery in recall.Deliveries)
            {
                Console.WriteLine($"    delivery {delivery.DeliveryId}: {delivery.EventType} event {delivery.EventId} from {delivery.Source}");
            }
        }
    }
}
