using System.Security.Cryptography;

namespace Hub.Router.Ledger.Chain;

/// <summary>The one implementation of the seal hashes, used by every sealer and by the verifier.</summary>
public static partial class LedgerChain
{
    /// <summary>The previous hash of the first seal of a ledger that was never pruned.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string SealDomainV1 = "agencyhub.ledger.seal/v1";

    /// <summary>Seals <paramref name="rows"/> (in seq order, non-empty) as seal <paramref name="number"/> after <paramref name="previousHash"/>.</summary>
    public static LedgerSeal Seal(long number, string previousHash, IReadOnlyList<LedgerEntry> rows, DateTimeOffset sealedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("A seal covers at least one row.", nameof(rows));
        }

        var header = new LedgerSeal
        {
            Number = number,
            FirstSequence = rows[0].Sequence,
            LastSequence = rows[^1].Sequence,
            RowCount = rows.Count,
            EncodingVersion = LedgerRowEncoding.CurrentVersion,
            PreviousHash = previousHash,
            SealedAt = CanonicalWriter.TruncateToMicroseconds(sealedAt),
            ChainHash = string.Empty,
            ContentDigest = ContentDigest(rows, LedgerRowEncoding.CurrentVersion),
        };
        return header with { ChainHash = ChainHash(header, rows) };
    }

    /// <summary>SHA-256 over the seal's header (number, seq range, count, version, sealed-at, previous hash) and each row's encoding in order.</summary>
    public static string ChainHash(LedgerSeal seal, IReadOnlyList<LedgerEntry> rows) =>
        ChainHash(seal, rows, (hash, writer, row) =>
        {
            LedgerRowEncoding.WriteRow(writer, row, seal.EncodingVersion);
            hash.AppendData(writer.WrittenSpan);
        });

    /// <summary>The header, then each row as <paramref name="appendRow"/> adds it (given a cleared writer): the one shape of every chain hash.</summary>
    private static string ChainHash<TRow>(LedgerSeal seal, IReadOnlyList<TRow> rows, Action<IncrementalHash, CanonicalWriter, TRow> appendRow)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(rows);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new CanonicalWriter();
        WriteHeader(writer, seal);
        hash.AppendData(writer.WrittenSpan);
        foreach (var row in rows)
        {
            writer.Clear();
            appendRow(hash, writer, row);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteHeader(CanonicalWriter writer, LedgerSeal seal)
    {
        writer.Text(SealDomainV1);
        writer.Number(seal.Number);
        writer.Number(seal.FirstSequence);
        writer.Number(seal.LastSequence);
        writer.Number(seal.RowCount);
        writer.Number(seal.EncodingVersion);
        writer.Timestamp(seal.SealedAt);
        writer.Text(seal.PreviousHash);
    }

    /// <summary>SHA-256 over the sorted SHA-256 hashes of each row's content encoding: independent of order and of seq.</summary>
    public static string ContentDigest(IReadOnlyList<LedgerEntry> rows, int version)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new CanonicalWriter();
        var hashes = new List<byte[]>(rows.Count);
        foreach (var row in rows)
        {
            writer.Clear();
            LedgerRowEncoding.WriteContent(writer, row, version);
            hashes.Add(SHA256.HashData(writer.WrittenSpan));
        }

        hashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var rowHash in hashes)
        {
            digest.AppendData(rowHash);
        }

        return Convert.ToHexStringLower(digest.GetHashAndReset());
    }
}
