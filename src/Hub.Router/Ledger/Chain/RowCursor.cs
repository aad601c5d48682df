namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Walks rows of any shape in seq order from a forward-only stream, handing them out seal by seal, so a reader of
/// the whole ledger holds one seal's rows at a time and never the ledger.
/// </summary>
internal class RowCursor<T>(Func<CancellationToken, IAsyncEnumerable<T>> open, Func<T, long> sequence) : IAsyncDisposable
    where T : class
{
    private IAsyncEnumerator<T>? _rows;
    private bool _hasCurrent;
    private bool _exhausted;

    /// <summary>Every remaining row with seq &lt;= <paramref name="lastSequence"/>, in order.</summary>
    public async Task<List<T>> TakeThroughAsync(long lastSequence, CancellationToken cancellationToken)
    {
        var taken = new List<T>();
        while (await PeekAsync(cancellationToken) is { } next && sequence(next) <= lastSequence)
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

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _rows?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <remarks>The stream starts at the first call, under that call's token: a cursor serves one operation.</remarks>
    private async ValueTask<T?> PeekAsync(CancellationToken cancellationToken)
    {
        if (!_hasCurrent && !_exhausted)
        {
            _rows ??= open(cancellationToken).GetAsyncEnumerator(cancellationToken);
            _hasCurrent = await _rows.MoveNextAsync();
            _exhausted = !_hasCurrent;
        }

        return _hasCurrent ? _rows!.Current : null;
    }
}
