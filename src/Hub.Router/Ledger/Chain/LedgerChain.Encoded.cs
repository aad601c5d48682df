using Hub.Router.Ledger.Reading;

namespace Hub.Router.Ledger.Chain;

/// <summary>The chain hash over rows a store handed over already encoded (<see cref="IEncodedLedgerRowSource"/>).</summary>
public static partial class LedgerChain
{
    /// <summary>Equal to <see cref="ChainHash(LedgerSeal, IReadOnlyList{LedgerEntry})"/> when each row's bytes are its <see cref="LedgerRowEncoding"/> columns.</summary>
    public static string ChainHash(LedgerSeal seal, IReadOnlyList<EncodedLedgerRow> rows) =>
        ChainHash(seal, rows, (hash, writer, row) =>
        {
            LedgerRowEncoding.WriteRowPrefix(writer, row.Sequence, seal.EncodingVersion);
            hash.AppendData(writer.WrittenSpan);
            hash.AppendData(row.Columns, 0, row.LengthFor(seal.EncodingVersion));
        });
}
