using System.Globalization;
using Hub.Cli.Commands.Audit;
using Hub.Router.Ledger;
using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// An event's journey as <c>hub ops trace</c> prints it: ledger rows (decisions, rejections, operator acts), the
/// outbox (committed, sent), recalls of every cause (each saying whether a consent withdrawal or a retraction caused
/// it) and any dead-lettered copy, in time order. Built only from ledger columns,
/// which never hold values, and from <see cref="DeadLetter"/> metadata.
/// </summary>
public static class TraceTimeline
{
    public static IReadOnlyList<TraceStep> Build(IReadOnlyList<LedgerEntry> rows, IReadOnlyList<OutboxState> outbox, IReadOnlyList<RecallNotice> recalls, IReadOnlyList<DeadLetter> deadLetters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(recalls);
        ArgumentNullException.ThrowIfNull(deadLetters);
        var steps = new List<TraceStep>();
        steps.AddRange(rows.Select(Row));
        foreach (var delivery in outbox)
        {
            steps.Add(new TraceStep(delivery.CreatedAt, $"outbox: delivery {delivery.DeliveryId} to {delivery.Recipient} committed with its ledger row", []));
            steps.Add(delivery.SentAt is { } sent
                ? new TraceStep(sent, $"sent: delivery {delivery.DeliveryId} to {delivery.Recipient} (hub.deliver.{delivery.Recipient})", [])
                : new TraceStep(null, $"NOT SENT: delivery {delivery.DeliveryId} to {delivery.Recipient} is still in the outbox (a redelivery of the event, or a replay, sends it)", []));
        }

        foreach (var recall in recalls)
        {
            var deliveries = string.Join(", ", recall.Deliveries.Select(d => d.DeliveryId));
            steps.Add(new TraceStep(recall.RequestedAt, $"recall {recall.RecallId} to {recall.Recipient}: {RecallWording.Cause(recall)}, delivery {deliveries}", []));
            if (recall.AcknowledgedAt is { } acknowledged)
            {
                steps.Add(new TraceStep(acknowledged, string.Create(CultureInfo.InvariantCulture, $"recall {recall.RecallId} acknowledged by {recall.Recipient}: {recall.Erased} erased, {recall.NotHeld} not held"), []));
            }
            else
            {
                steps.Add(new TraceStep(null, $"recall {recall.RecallId} OUTSTANDING: {recall.Recipient} has not acknowledged it", []));
            }
        }

        foreach (var letter in deadLetters)
        {
            var details = new List<string> { $"failed on {letter.FailedOn ?? DeadLetterQueues.LiveQueue(letter.Queue)}: {letter.ExceptionType ?? "(no exception type)"}" };
            if (letter.ReasonCode is not null)
            {
                details.Add($"{letter.ReasonCode}: {letter.Reason}");
            }

            steps.Add(new TraceStep(letter.FailedAt, $"DEAD-LETTERED in {letter.Queue}: message {letter.MessageId ?? "(no id)"}{(letter.DeliveryId is { } d ? $", delivery {d}" : string.Empty)}", details));
        }

        // Undated states (not sent, outstanding) go last: they are where the journey stands now.
        return [.. steps.OrderBy(s => s.At is null).ThenBy(s => s.At)];
    }

    /// <summary>
    /// The recalls an event's trace shows: those naming one of its deliveries, whatever their cause, and, when the event is
    /// a source's retraction, the recalls it caused.
    /// </summary>
    public static IReadOnlyList<RecallNotice> RecallsConcerning(Guid eventId, IEnumerable<RecallNotice> recalls)
    {
        ArgumentNullException.ThrowIfNull(recalls);
        return [.. recalls.Where(r => r.RetractionId == eventId || r.Deliveries.Any(d => d.EventId == eventId))];
    }

    public static void Write(TextWriter output, Guid eventId, IReadOnlyList<LedgerEntry> rows, IReadOnlyList<TraceStep> steps, string brokerState)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(steps);
        var first = rows.FirstOrDefault(r => r.Kind != LedgerEntryKind.OperatorAccess) ?? (rows.Count > 0 ? rows[0] : null);
        output.WriteLine($"event {eventId}{(first is null ? string.Empty : $": {first.EventType ?? "(type unknown)"} from {first.Source}")}");
        var traces = rows.Select(r => r.TraceId).Where(t => t is not null).Distinct(StringComparer.Ordinal).ToList();
        if (traces.Count > 0)
        {
            output.WriteLine($"  trace id(s): {string.Join(", ", traces)}");
        }

        if (steps.Count == 0)
        {
            output.WriteLine("  nothing in the ledger, the outbox or the dead-letter queues for this event id");
        }

        foreach (var step in steps)
        {
            output.WriteLine($"  {(step.At is null ? "now                 " : DeadLetterPrinter.Time(step.At))}  {step.What}");
            foreach (var detail in step.Details)
            {
                output.WriteLine($"                        {detail}");
            }
        }

        output.WriteLine($"  broker: {brokerState}");
    }

    private static TraceStep Row(LedgerEntry row)
    {
        var details = row.Reasons.ToList();
        switch (row.Kind)
        {
            case LedgerEntryKind.Decision when row.Outcome == LedgerOutcome.Allowed:
                details.Insert(0, string.Create(CultureInfo.InvariantCulture, $"released {row.ReleasedFields.Count} field(s) [{string.Join(", ", row.ReleasedFields)}], withheld {row.WithheldFields.Count}"));
                return new TraceStep(row.RecordedAt, $"decision for {row.Recipient}: ALLOWED under {row.AgreementId}@{row.AgreementVersion} flow {row.FlowId} on {LedgerFootings.ToText(row.Footing) ?? "?"} (purpose {row.Purpose}), delivery {row.DeliveryId}", details);
            case LedgerEntryKind.Decision:
                return new TraceStep(row.RecordedAt, $"decision for {row.Recipient}: DENIED{(row.AgreementId is null ? string.Empty : $" (evaluated under {row.AgreementId}@{row.AgreementVersion} flow {row.FlowId})")}", details);
            case LedgerEntryKind.Rejection:
                return new TraceStep(row.RecordedAt, $"REJECTED at the {row.Source} ingress: {(row.Reasons.Count > 0 ? row.Reasons[0] : "?")}{(row.MessageId is null ? string.Empty : $" (message {row.MessageId})")}", [.. row.Reasons.Skip(1)]);
            default:
                return new TraceStep(row.RecordedAt, $"operator: {LedgerOutcomes.ToText(row.Outcome)}{(row.Recipient is null ? string.Empty : $" (delivery to {row.Recipient})")}{(row.MessageId is null ? string.Empty : $", message {row.MessageId}")}", details);
        }
    }
}
