using Hub.Router.Ledger.Reading;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Walks a ledger's rows in seq order from a forward-only stream, handing them out seal by seal, so verification holds
/// one seal's rows at a time and never the ledger.
/// </summary>
internal sealed class LedgerRowCursor : IAsyncDisposable
{
    private readonly ILedgerRowSource _stream;
    private IAsyncEnumerator<LedgerEntry>? _rows;
    private bool _hasCurrent;
    private bool _exhausted;

    public LedgerRowCursor(ILedgerRowSource rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _stream = rows;
    }

    /// <summary>Over a store's paged reads (<see cref="ILedgerStore.ReadAsync"/>).</summary>
    public LedgerRowCursor(ILedgerStore store, int pageSize)
        : this(new PagedLedgerRows(store, pageSize))
    {
    }

    /// <summary>Every remaining row with seq &lt;= <paramref name="lastSequence"/>, in order.</summary>
    public async Task<List<LedgerEntry>> TakeThroughAsync(long lastSequence, CancellationToken cancellationToken)
    {
        var taken = new List<LedgerEntry>();
        while (await PeekAsync(cancellationToken) is { } next && next.Sequence <= lastSequence)
        {
            taken.Add(next);
            _hasCurrent = false;
        }

        return taken;
    }

    public async Task<long> CountRestAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        while (await PeekAsync(cancellationToken) is not null)
        {
            _hasCurrent = false;
            count++;
        }

        return count;
    }

    public ValueTask DisposeAsync() => _rows?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <remarks>The stream starts at the first call, under that call's token: the cursor is used within one operation.</remarks>
    private async ValueTask<LedgerEntry?> PeekAsync(CancellationToken cancellationToken)
    {
        if (!_hasCurrent && !_exhausted)
        {
            _rows ??= _stream.RowsAfterAsync(long.MinValue, cancellationToken).GetAsyncEnumerator(cancellationToken);
            _hasCurrent = await _rows.MoveNextAsync();
            _exhausted = !_hasCurrent;
        }

        return _hasCurrent ? _rows!.Current : null;
    }
}
