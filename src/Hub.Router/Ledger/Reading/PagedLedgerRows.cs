namespace Hub.Router.Ledger.Reading;

/// <summary>
/// A row stream over any <see cref="ILedgerStore"/>, a page at a time through <see cref="ILedgerStore.ReadAsync"/>:
/// what verification used before the stores had streaming readers, kept for callers that hold only a store.
/// </summary>
public sealed class PagedLedgerRows(ILedgerStore store, int pageSize) : ILedgerRowSource
{
    public async IAsyncEnumerable<LedgerEntry> RowsAfterAsync(long afterSequence, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterSequence;
        while (true)
        {
            var page = await store.ReadAsync(after, pageSize, cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }
}
