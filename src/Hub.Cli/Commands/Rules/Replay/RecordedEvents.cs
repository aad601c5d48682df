using Hub.Router.Ledger;
using Hub.Router.Ledger.Reading;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// The decided events recorded in a time window, read by streaming the ledger in seq order (as <c>hub audit verify</c>
/// does; the ledger has no time index). Rejections and operator rows are skipped: only decisions were decided.
/// </summary>
internal static class RecordedEvents
{
    public static async Task<IReadOnlyList<RecordedEvent>> ReadAsync(ILedgerRowSource ledger, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var events = new Dictionary<(string Source, Guid EventId), List<LedgerEntry>>();
        var order = new List<(string Source, Guid EventId)>();
        await foreach (var row in ledger.RowsAfterAsync(0, cancellationToken))
        {
            if (row.Kind != LedgerEntryKind.Decision || row.EventId is not { } eventId || row.EventType is null || row.Recipient is null
                || row.RecordedAt < since || row.RecordedAt >= until)
            {
                continue;
            }

            var key = (row.Source, eventId);
            if (!events.TryGetValue(key, out var rows))
            {
                events.Add(key, rows = []);
                order.Add(key);
            }

            rows.Add(row);
        }

        return [.. order.Select(key => new RecordedEvent(key.Source, key.EventId, events[key]))];
    }
}
