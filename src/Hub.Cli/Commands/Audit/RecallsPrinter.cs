using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Audit;

/// <summary>What <c>hub audit recalls</c> prints, text or JSON: every cause, each recall labelled with its own. Ids only.</summary>
internal static class RecallsPrinter
{
    public static object ToJson(RecallNotice recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return new
        {
            recall.RecallId,
            Cause = recall.Cause.KindText,
            recall.Recipient,
            Consent = recall.Cause.Kind == RecallCauseKind.ConsentWithdrawal ? recall.ConsentId : null,
            Retraction = recall.RetractionId,
            RetractionReason = recall.ReasonCode,
            recall.WithdrawnAt,
            recall.RequestedAt,
            recall.AcknowledgedAt,
            Status = recall.AcknowledgedAt is null ? "outstanding" : "acknowledged",
            recall.Erased,
            recall.NotHeld,
            Deliveries = recall.Deliveries.Select(d => new { d.DeliveryId, d.EventId, d.EventType, Source = d.Source.Value }),
        };
    }

    public static void WriteText(TextWriter output, IReadOnlyList<RecallNotice> recalls, bool includeAll)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(recalls);
        if (recalls.Count == 0)
        {
            output.WriteLine(includeAll ? "No recalls have been requested." : "No outstanding recalls: every recall has been acknowledged.");
            return;
        }

        var outstanding = recalls.Count(r => r.AcknowledgedAt is null);
        var byCause = string.Join(", ", RecallCauseKinds.All.Select(k => $"{recalls.Count(r => r.Cause.Kind == k)} after a {RecallWording.Label(k)}"));
        output.WriteLine($"{recalls.Count} recall(s), {outstanding} outstanding ({byCause})");
        foreach (var recall in recalls)
        {
            var state = recall.AcknowledgedAt is { } at
                ? $"acknowledged {Ops.DeadLetterPrinter.Time(at)} ({recall.Erased} erased, {recall.NotHeld} not held)"
                : "OUTSTANDING";
            output.WriteLine($"recall {recall.RecallId} to {recall.Recipient}: {RecallWording.Cause(recall)}, requested {Ops.DeadLetterPrinter.Time(recall.RequestedAt)}, {state}");
            foreach (var delivery in recall.Deliveries)
            {
                output.WriteLine($"    delivery {delivery.DeliveryId}: {delivery.EventType} event {delivery.EventId} from {delivery.Source}");
            }
        }
    }
}
