namespace Hub.Router.Ledger.Reading;

/// <summary>Every ledger row in seq order, read forward only, so a reader of the whole ledger never holds it in memory.</summary>
public interface ILedgerRowSource
{
    /// <summary>The rows with seq above <paramref name="afterSequence"/>, in seq order, as the store yields them.</summary>
    IAsyncEnumerable<LedgerEntry> RowsAfterAsync(long afterSequence, CancellationToken cancellationToken);
}
