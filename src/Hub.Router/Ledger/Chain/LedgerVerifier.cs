using System.Globalization;
using Hub.Router.Ledger.Reading;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Recomputes the chain from the rows and compares it with the seals, from the genesis or the last pruning anchor,
/// and reports the first broken link. What <c>hub audit verify</c> runs, against Postgres or SQLite alike. The rows
/// come from one forward-only stream and are hashed seal by seal: memory holds one seal's rows, never the ledger.
/// </summary>
public sealed class LedgerVerifier
{
    private const int PageSize = 1000;

    private readonly ILedgerRowSource _rows;
    private readonly ILedgerChainStore _chain;

    /// <summary>Reads the rows through the store's paged <see cref="ILedgerStore.ReadAsync"/>.</summary>
    public LedgerVerifier(ILedgerStore rows, ILedgerChainStore chain)
        : this(new PagedLedgerRows(rows, PageSize), chain)
    {
    }

    /// <summary>Reads the rows through a streaming reader (<see cref="ILedgerReader"/>), which <c>hub audit verify</c> uses.</summary>
    public LedgerVerifier(ILedgerRowSource rows, ILedgerChainStore chain)
    {
        _rows = rows;
        _chain = chain;
    }

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var cursor = new LedgerRowCursor(_rows);
        var anchor = await _chain.LastPruneAsync(cancellationToken);
        var previousHash = LedgerChain.GenesisHash;
        var expectedNumber = 1L;
        var result = new ChainVerification { SealsVerified = 0, RowsVerified = 0, UnsealedRows = 0, Anchor = anchor };
        if (anchor is not null)
        {
            var anchored = await _chain.ReadSealAsync(anchor.ThroughSeal, cancellationToken);
            if (anchored is null || anchored.ChainHash != anchor.AnchorHash || anchored.LastSequence != anchor.ThroughSequence)
            {
                return result with { Break = new(anchor.ThroughSeal, anchored?.FirstSequence ?? 0, anchor.ThroughSequence, ChainCheck.AnchorMismatch, $"pruning record {anchor.Number} carries forward a hash that seal {anchor.ThroughSeal} does not have") };
            }

            var stray = await cursor.TakeThroughAsync(anchor.ThroughSequence, cancellationToken);
            if (stray.Count > 0)
            {
                return result with { Break = new(anchor.ThroughSeal, anchored.FirstSequence, anchor.ThroughSequence, ChainCheck.RowAdded, $"{Count(stray.Count)} row(s) in the range pruned by pruning record {anchor.Number}, first at seq {Count(stray[0].Sequence)}") };
            }

            previousHash = anchor.AnchorHash;
            expectedNumber = anchor.ThroughSeal + 1;
        }

        while (true)
        {
            var seals = await _chain.ReadSealsAsync(expectedNumber - 1, 500, cancellationToken);
            foreach (var seal in seals)
            {
                var found = await cursor.TakeThroughAsync(seal.LastSequence, cancellationToken);
                if (Check(seal, expectedNumber, previousHash, found) is { } broken)
                {
                    return result with { Break = broken };
                }

                result = result with { SealsVerified = result.SealsVerified + 1, RowsVerified = result.RowsVerified + found.Count, Head = seal };
                previousHash = seal.ChainHash;
                expectedNumber = seal.Number + 1;
            }

            if (seals.Count < 500)
            {
                break;
            }
        }

        return result with { UnsealedRows = await cursor.CountRestAsync(cancellationToken) };
    }

    private static ChainBreak? Check(LedgerSeal seal, long expectedNumber, string previousHash, List<LedgerEntry> found)
    {
        ChainBreak Break(ChainCheck check, string detail) => new(seal.Number, seal.FirstSequence, seal.LastSequence, check, detail);

        if (seal.Number != expectedNumber)
        {
            return Break(ChainCheck.SealMissing, $"expected seal {Count(expectedNumber)} next, found seal {Count(seal.Number)}");
        }

        if (seal.PreviousHash != previousHash)
        {
            return Break(ChainCheck.LinkBroken, "the seal's previous hash is not the chain hash before it");
        }

        if (!LedgerRowEncoding.IsSupported(seal.EncodingVersion))
        {
            return Break(ChainCheck.UnknownEncoding, $"row encoding version {seal.EncodingVersion} is unknown to this build");
        }

        if (found.Count < seal.RowCount)
        {
            return Break(ChainCheck.RowMissing, $"sealed {Count(seal.RowCount)} rows, found {Count(found.Count)}");
        }

        if (found.Count > seal.RowCount)
        {
            return Break(ChainCheck.RowAdded, $"sealed {Count(seal.RowCount)} rows, found {Count(found.Count)}");
        }

        if (found[0].Sequence < seal.FirstSequence)
        {
            return Break(ChainCheck.RowAdded, $"a row at seq {Count(found[0].Sequence)} precedes the first sealed row");
        }

        if (found[0].Sequence > seal.FirstSequence || found[^1].Sequence != seal.LastSequence)
        {
            return Break(ChainCheck.RowMissing, $"the sealed rows at seq {Count(seal.FirstSequence)} and {Count(seal.LastSequence)} are not both present");
        }

        if (LedgerChain.ChainHash(seal, found) == seal.ChainHash)
        {
            return null;
        }

        return LedgerChain.ContentDigest(found, seal.EncodingVersion) == seal.ContentDigest
            ? Break(ChainCheck.OrderChanged, "the sealed contents are all present but not in sealed order (or the seal's header was altered)")
            : Break(ChainCheck.ContentChanged, "a row's content differs from what was sealed");
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
