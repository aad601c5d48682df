namespace Hub.Router.Ledger.Reading;

/// <summary>
/// A ledger row already in its canonical encoding (docs/adr/0008), as the verifier's fast path hashes it: the columns
/// of the newest encoding version, of which the first <see cref="V1Length"/> bytes are version 1's and the first
/// <see cref="V2Length"/> version 2's. The row's domain text and seq are not included; <see cref="Chain.LedgerChain"/> writes them.
/// </summary>
public sealed record EncodedLedgerRow(long Sequence, byte[] Columns, int V1Length, int V2Length)
{
    /// <summary>How many bytes of <see cref="Columns"/> the given encoding version covers.</summary>
    public int LengthFor(int version) => version switch
    {
        1 => V1Length,
        2 => V2Length,
        _ => Columns.Length,
    };
}
