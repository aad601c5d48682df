using Hub.LoadHarness.Measure;

namespace Hub.LoadHarness.Chaos;

/// <summary>
/// What the ledger and the sinks hold for a scenario's events once it has finished (or given up), counted afresh.
/// </summary>
/// <param name="Events">Rows in the release list.</param>
/// <param name="Undecided">Events with no ledger decision.</param>
/// <param name="AllowedWithoutDelivery">Allowed decisions with no delivery queued in the outbox.</param>
/// <param name="Unwritten">Queued deliveries no sink wrote.</param>
/// <param name="DuplicateDecisions">(event, recipient) pairs decided more than once.</param>
/// <param name="DuplicateDocuments">Sink documents beyond the first for one (event, recipient): a second effect.</param>
/// <param name="DeliveriesWithoutDecision">Outbox deliveries with no committed allowed decision.</param>
/// <param name="DocumentsNotQueued">Sink documents for the events whose delivery the outbox does not hold.</param>
public sealed record ChaosTally(int Events, long Undecided, long AllowedWithoutDelivery, long Unwritten, long DuplicateDecisions, long DuplicateDocuments, long DeliveriesWithoutDecision, long DocumentsNotQueued)
{
    /// <summary>Events, decisions or deliveries that did not reach their end.</summary>
    public long Lost => Undecided + AllowedWithoutDelivery + Unwritten;

    /// <summary>Effects that happened twice: a second decision or a second document at a recipient.</summary>
    public long DuplicateEffects => DuplicateDecisions + DuplicateDocuments;

    /// <summary>Deliveries the ledger does not account for.</summary>
    public long Unaccounted => DeliveriesWithoutDecision + DocumentsNotQueued;

    public static async Task<ChaosTally> CountAsync(Guid[] events, LedgerProbe ledger, SinkScanner sinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(sinks);
        // The sinks first: a document seen then had its outbox row committed before it was sent, so a tally taken while
        // deliveries still flow (a run that gave up) never counts a document as unaccounted for.
        sinks.Scan();
        var (decided, _) = await ledger.DecidedAsync(events, cancellationToken);
        var queued = await ledger.DeliveriesAsync(events, cancellationToken);
        var (allowedWithout, deliveryWithout) = await ledger.LedgerGapsAsync(events, cancellationToken);
        var mine = new HashSet<Guid>(events);
        var documents = sinks.Documents.Where(d => mine.Contains(d.EventId)).ToList();
        var written = documents.Select(d => d.DeliveryId).ToHashSet();
        return new ChaosTally(
            events.Length,
            events.Length - decided,
            allowedWithout,
            queued.Count(d => !written.Contains(d)),
            await ledger.DuplicateDecisionsAsync(events, cancellationToken),
            documents.GroupBy(d => (d.EventId, d.Recipient)).Sum(g => g.Count() - 1L),
            deliveryWithout,
            documents.Count(d => !queued.Contains(d.DeliveryId)));
    }
}
