namespace Hub.Router.Ledger.Chain;

/// <summary>Walks a ledger's rows in seq order a page at a time, so verification never loads the whole ledger.</summary>
internal sealed class LedgerRowCursor(ILedgerStore store, int pageSize)
{
    private readonly Queue<LedgerEntry> _buffer = new();
    private long _after = long.MinValue;
    private bool _exhausted;

    /// <summary>Every remaining row with seq &lt;= <paramref name="lastSequence"/>, in order.</summary>
    public async Task<List<LedgerEntry>> TakeThroughAsync(long lastSequence, CancellationToken cancellationToken)
    {
        var taken = new List<LedgerEntry>();
        while (await PeekAsync(cancellationToken) is { } next && next.Sequence <= lastSequence)
        {
            taken.Add(_buffer.Dequeue());
        }

        return taken;
    }

    public async Task<long> CountRestAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        while (await PeekAsync(cancellationToken) is not null)
        {
            _buffer.Dequeue();
            count++;
        }

        return count;
    }

    private async Task<LedgerEntry?> PeekAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0 && !_exhausted)
        {
            var page = await store.ReadAsync(_after, pageSize, cancellationToken);
            foreach (var entry in page)
            {
                _buffer.Enqueue(entry);
            }

            _exhausted = page.Count < pageSize;
            if (page.Count > 0)
            {
                _after = page[^1].Sequence;
            }
        }

        return _buffer.Count > 0 ? _buffer.Peek() : null;
    }
}
