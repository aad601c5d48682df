namespace Hub.Router.Ledger;

/// <summary>One-event conveniences over <see cref="ILedgerStore.RecordGroupAsync"/>, for tools and tests; the router groups.</summary>
public static class LedgerStoreExtensions
{
    public static async Task<RecordResult> RecordDecisionsAsync(this ILedgerStore store, DecisionBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(batch);
        return (await store.RecordGroupAsync([batch], [], cancellationToken))[0];
    }

    public static Task MarkSentAsync(this ILedgerStore store, IReadOnlyCollection<Guid> deliveryIds, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(deliveryIds);
        return store.RecordGroupAsync([], [.. deliveryIds.Select(id => new SentMark(id, sentAt))], cancellationToken);
    }
}
