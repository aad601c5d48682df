using Hub.Router.Consent.Sqlite;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Sqlite;
using Hub.Router.Retractions;

namespace Hub.Cli.Tests;

/// <summary>
/// Appends to a ledger file what the router writes for an event its source had retracted before it arrived
/// (docs/adr/0020): the same shape as an event the ledger already decided, under a new id, denied to every candidate,
/// with the retraction registered first.
/// </summary>
internal static class RetractedFirstEvent
{
    public static async Task<Guid> AppendAsync(string ledgerPath, string eventType)
    {
        using var ledger = new SqliteLedgerStore(ledgerPath);
        var register = new SqliteConsentStore(ledgerPath);
        var original = (await ledger.ReadAsync(0, 10_000, CancellationToken.None)).First(r => r.Kind == LedgerEntryKind.Decision && r.EventType == eventType && r.Outcome == LedgerOutcome.Allowed);
        var rows = await ledger.ReadEventAsync(original.EventId!.Value, CancellationToken.None);
        var eventId = Guid.NewGuid();
        var retractionId = Guid.NewGuid();
        var at = TimeProvider.System.GetUtcNow().AddSeconds(-2);
        await register.RecordRetractedAsync(
            [new RetractedEvent { Source = original.Source, EventId = eventId, EventType = eventType, RetractionId = retractionId, Reason = "entered-in-error", RetractedAt = at, RecordedAt = at }],
            CancellationToken.None);
        var denied = rows.Where(r => r.Kind == LedgerEntryKind.Decision).Select(r => r with
        {
            EntryId = Guid.NewGuid(),
            Sequence = 0,
            RecordedAt = at.AddSeconds(1),
            EventId = eventId,
            Outcome = LedgerOutcome.Denied,
            AgreementId = null,
            AgreementVersion = null,
            FlowId = null,
            Purpose = null,
            LawfulBasis = null,
            Footing = null,
            DeliveryId = null,
            ReleasedFields = [],
            WithheldFields = [.. r.ReleasedFields.Union(r.WithheldFields, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Reasons = [$"{original.Source} retracted this event (entered-in-error) in retraction {retractionId} before the hub shared it: it is shared with no one"],
        }).ToList();
        await ledger.RecordDecisionsAsync(new DecisionBatch(original.Source, eventId, "hash-" + eventId, at.AddSeconds(1), denied, []), CancellationToken.None);
        return eventId;
    }
}
