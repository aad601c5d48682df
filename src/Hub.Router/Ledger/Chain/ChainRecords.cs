using System.Data.Common;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The seal and pruning tables' columns, and reading one of their rows, for both stores. Only how a timestamp is
/// stored differs (timestamptz in Postgres, round-trip text in SQLite), so each store passes its own reader for it.
/// </summary>
internal static class ChainRecords
{
    public const string SealColumns = "seal_no, first_seq, last_seq, row_count, encoding_version, previous_hash, chain_hash, content_digest, sealed_at";

    public const string PruneColumns = "prune_no, through_seal, through_seq, anchor_hash, rows_pruned, cutoff, pruned_at";

    /// <summary>A row selected with <see cref="SealColumns"/>.</summary>
    public static LedgerSeal ReadSeal(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> instant) => new()
    {
        Number = reader.GetInt64(0),
        FirstSequence = reader.GetInt64(1),
        LastSequence = reader.GetInt64(2),
        RowCount = reader.GetInt32(3),
        EncodingVersion = reader.GetInt32(4),
        PreviousHash = reader.GetString(5),
        ChainHash = reader.GetString(6),
        ContentDigest = reader.GetString(7),
        SealedAt = instant(reader, 8),
    };

    /// <summary>A row selected with <see cref="PruneColumns"/>.</summary>
    public static LedgerPrune ReadPrune(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> instant) => new()
    {
        Number = reader.GetInt64(0),
        ThroughSeal = reader.GetInt64(1),
        ThroughSequence = reader.GetInt64(2),
        AnchorHash = reader.GetString(3),
        RowsPruned = reader.GetInt64(4),
        Cutoff = instant(reader, 5),
        PrunedAt = instant(reader, 6),
    };
}
