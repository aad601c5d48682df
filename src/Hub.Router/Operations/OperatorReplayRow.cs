using System.Diagnostics;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Ledger;

namespace Hub.Router.Operations;

/// <summary>
/// The ledger row of the router's answer to an operator's replay request (docs/adr/0012): one row per request id
/// however often the request is redelivered, naming the operator and the queue, then the outcome's reasons.
/// </summary>
public static class OperatorReplayRow
{
    public static LedgerEntry For(Guid requestId, string? requestedBy, string? fromQueue, string source, LedgerOutcome outcome, IEnumerable<string> reasons, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return new LedgerEntry
        {
            EntryId = DeliveryIds.NameBased($"replay|{requestId:N}"),
            RecordedAt = now,
            Kind = LedgerEntryKind.OperatorAccess,
            Outcome = outcome,
            Source = source,
            Reasons = [$"operator {Printable(requestedBy)}", $"queue {Printable(fromQueue)}", .. reasons],
            TraceId = Activity.Current?.TraceId.ToString(),
            MessageId = requestId.ToString(),
        };
    }

    /// <summary>Request text is the operator's: bounded and without control characters before it is ledgered.</summary>
    private static string Printable(string? text)
    {
        var clean = new string((text ?? string.Empty).Where(c => !char.IsControl(c)).Take(128).ToArray());
        return clean.Length == 0 ? "(unnamed)" : clean;
    }
}
