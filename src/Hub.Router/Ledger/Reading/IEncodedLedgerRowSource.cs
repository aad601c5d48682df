namespace Hub.Router.Ledger.Reading;

/// <summary>
/// A store that can hand its rows to the verifier already canonically encoded, straight from the wire bytes, without
/// building a <see cref="LedgerEntry"/> per row. An optimisation only: a seal whose hash does not match is checked
/// again through <see cref="ILedgerRowSource"/> and the one <see cref="Chain.LedgerRowEncoding"/>, which has the last word.
/// </summary>
public interface IEncodedLedgerRowSource : ILedgerRowSource
{
    IAsyncEnumerable<EncodedLedgerRow> EncodedRowsAfterAsync(long afterSequence, CancellationToken cancellationToken);
}
