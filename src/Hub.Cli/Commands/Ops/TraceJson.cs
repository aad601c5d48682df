using Hub.Cli.Commands.Audit;
using Hub.Router.Ledger;
using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// <c>hub ops trace --format json</c>, shape <see cref="Schema"/>: the event, its ledger rows (decisions, rejections,
/// operator acts; ledger columns only, never values or pseudonyms), its outbox deliveries, the recalls concerning it,
/// the broker check with any dead-lettered copy, and the timeline as the text format words it.
/// </summary>
internal static class TraceJson
{
    public const string Schema = "agencyhub.ops.trace/1";

    public static object Of(Guid eventId, IReadOnlyList<LedgerEntry> rows, IReadOnlyList<OutboxState> outbox, IReadOnlyList<RecallNotice> recalls, IReadOnlyList<DeadLetter>? deadLetters, IReadOnlyList<TraceStep> steps)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = rows.FirstOrDefault(r => r.Kind != LedgerEntryKind.OperatorAccess) ?? (rows.Count > 0 ? rows[0] : null);
        return new
        {
            schema = Schema,
            eventId,
            eventType = first?.EventType,
            source = first?.Source,
            found = rows.Count > 0 || deadLetters?.Count > 0,
            traceIds = rows.Select(r => r.TraceId).OfType<string>().Distinct(StringComparer.Ordinal),
            ledger = rows.Select(Row),
            outbox = outbox.Select(o => new { deliveryId = o.DeliveryId, recipient = o.Recipient, createdAt = o.CreatedAt, sentAt = o.SentAt, sent = o.SentAt is not null }),
            recalls = recalls.Select(RecallsPrinter.ToJson),
            broker = new { @checked = deadLetters is not null, deadLetters = (deadLetters ?? []).Select(DeadLetterJson.Of) },
            timeline = steps.Select(s => new { at = s.At, what = s.What, details = s.Details }),
        };
    }

    private static object Row(LedgerEntry row) => new
    {
        sequence = row.Sequence,
        recordedAt = row.RecordedAt,
        kind = LedgerEntryKinds.ToText(row.Kind),
        outcome = LedgerOutcomes.ToText(row.Outcome),
        source = row.Source,
        recipient = row.Recipient,
        agreementId = row.AgreementId,
        agreementVersion = row.AgreementVersion,
        flowId = row.FlowId,
        purpose = row.Purpose,
        lawfulBasis = row.LawfulBasis,
        footing = LedgerFootings.ToText(row.Footing),
        releasedFields = row.ReleasedFields,
        withheldFields = row.WithheldFields,
        deliveryId = row.DeliveryId,
        messageId = row.MessageId,
        agreementSet = row.AgreementSetHash,
        reasons = row.Reasons,
    };
}
