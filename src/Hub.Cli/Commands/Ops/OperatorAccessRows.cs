using Hub.Router.Ledger;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// The ledger row an operator's act leaves (docs/adr/0012): who, when, which message (ids, queue, body hash), the
/// act and the reason. It is built from <see cref="DeadLetter"/> metadata only, so it cannot carry the payload.
/// </summary>
internal static class OperatorAccessRows
{
    public static LedgerEntry For(LedgerOutcome action, DeadLetter letter, string operatorName, string? reason, DateTimeOffset now, params string[] details)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var reasons = new List<string> { $"operator {operatorName}", $"queue {letter.Queue}", $"body sha256 {letter.BodySha256}" };
        reasons.AddRange(details);
        if (reason is not null)
        {
            reasons.Add($"reason: {reason}");
        }

        return new LedgerEntry
        {
            EntryId = Guid.NewGuid(),
            RecordedAt = now,
            Kind = LedgerEntryKind.OperatorAccess,
            Outcome = action,
            Source = letter.Kind == DeadLetterKind.Ingress ? letter.Agency : letter.Source ?? "unknown",
            EventId = letter.EventId,
            EventType = letter.EventType,
            Recipient = letter.Kind == DeadLetterKind.Delivery ? letter.Agency : null,
            DeliveryId = letter.DeliveryId,
            Reasons = reasons,
            MessageId = letter.MessageId,
        };
    }
}
