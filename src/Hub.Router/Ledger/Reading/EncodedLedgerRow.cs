namespace Hub.Router.Ledger.Reading;

/// <summary>
/// A ledger row already in its canonical encoding (docs/adr/0008), as the verifier's fast path hashes it: the columns
/// of the newest encoding version, of which the first <c>VersionLengths[v - 1]</c> bytes are version v's. The row's
/// domain text and seq are not included; <see cref="Chain.LedgerChain"/> writes them.
/// </summary>
public sealed record EncodedLedgerRow(long Sequence, byte[] Columns, IReadOnlyList<int> VersionLengths)
{
    /// <summary>How many bytes of <see cref="Columns"/> the given encoding version covers.</summary>
    public int LengthFor(int version) => VersionLengths[version - 1];
}
