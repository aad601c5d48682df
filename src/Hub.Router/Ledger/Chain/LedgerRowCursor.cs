using Hub.Router.Ledger.Reading;

namespace Hub.Router.Ledger.Chain;

/// <summary>A <see cref="RowCursor{T}"/> over ledger rows from the start of the ledger.</summary>
internal sealed class LedgerRowCursor(ILedgerRowSource rows)
    : RowCursor<LedgerEntry>(token => rows.RowsAfterAsync(long.MinValue, token), e => e.Sequence)
{
    /// <summary>Over a store's paged reads (<see cref="ILedgerStore.ReadAsync"/>).</summary>
    public LedgerRowCursor(ILedgerStore store, int pageSize)
        : this(new PagedLedgerRows(store, pageSize))
    {
    }
}
