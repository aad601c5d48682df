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

    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken) => _rows is IEncodedLedgerRowSource encoded
        ? VerifyAsync(new RowCursor<EncodedLedgerRow>(token => Prefetch.AheadAsync(encoded.EncodedRowsAfterAsync(long.MinValue, token), 1024, 8, token), r => r.Sequence), r => r.Sequence, EncodedHashCheckAsync, cancellationToken)
        : VerifyAsync(new LedgerRowCursor(_rows), r => r.Sequence, (seal, found, _) => Task.FromResult(HashCheck(seal, found)), cancellationToken);

    private async Task<ChainVerification> VerifyAsync<T>(
        RowCursor<T> rows, Func<T, long> sequence, Func<LedgerSeal, List<T>, CancellationToken, Task<ChainBreak?>> hashCheck, CancellationToken cancellationToken)
        where T : class
    {
        await using var cursor = rows;
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
                return result with { Break = new(anchor.ThroughSeal, anchored.FirstSequence, anchor.ThroughSequence, ChainCheck.RowAdded, $"{Count(stray.Count)} row(s) in the range pruned by pruning record {anchor.Number}, first at seq {Count(sequence(stray[0]))}") };
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
                var shape = Shape(seal, expectedNumber, previousHash, found.Count, () => (sequence(found[0]), sequence(found[^1])));
                if ((shape ?? await hashCheck(seal, found, cancellationToken)) is { } broken)
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

    /// <summary>Every check but the hashes: numbering, link, encoding version, row count and seq bounds.</summary>
    private static ChainBreak? Shape(LedgerSeal seal, long expectedNumber, string previousHash, int count, Func<(long First, long Last)> bounds)
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

        if (count < seal.RowCount)
        {
            return Break(ChainCheck.RowMissing, $"sealed {Count(seal.RowCount)} rows, found {Count(count)}");
        }

        if (count > seal.RowCount)
        {
            return Break(ChainCheck.RowAdded, $"sealed {Count(seal.RowCount)} rows, found {Count(count)}");
        }

        var (first, last) = bounds();
        if (first < seal.FirstSequence)
        {
            return Break(ChainCheck.RowAdded, $"a row at seq {Count(first)} precedes the first sealed row");
        }

        return first > seal.FirstSequence || last != seal.LastSequence
            ? Break(ChainCheck.RowMissing, $"the sealed rows at seq {Count(seal.FirstSequence)} and {Count(seal.LastSequence)} are not both present")
            : null;
    }

    /// <summary>The chain hash through the one <see cref="LedgerRowEncoding"/>; on a mismatch, the content digest tells reordering from editing.</summary>
    private static ChainBreak? HashCheck(LedgerSeal seal, List<LedgerEntry> found)
    {
        ChainBreak Break(ChainCheck check, string detail) => new(seal.Number, seal.FirstSequence, seal.LastSequence, check, detail);

        if (LedgerChain.ChainHash(seal, found) == seal.ChainHash)
        {
            return null;
        }

        return LedgerChain.ContentDigest(found, seal.EncodingVersion) == seal.ContentDigest
            ? Break(ChainCheck.OrderChanged, "the sealed contents are all present but not in sealed order (or the seal's header was altered)")
            : Break(ChainCheck.ContentChanged, "a row's content differs from what was sealed");
    }

    /// <summary>
    /// The fast path: the chain hash over the rows as the store encoded them. Only a match is taken from it; on a
    /// mismatch the seal's rows are read again as entries and <see cref="HashCheck"/> decides, so a fault in the fast
    /// encoding can cost time but never pass a changed row.
    /// </summary>
    private async Task<ChainBreak?> EncodedHashCheckAsync(LedgerSeal seal, List<EncodedLedgerRow> found, CancellationToken cancellationToken)
    {
        if (LedgerChain.ChainHash(seal, found) == seal.ChainHash)
        {
            return null;
        }

        var rows = new List<LedgerEntry>(found.Count);
        await foreach (var row in _rows.RowsAfterAsync(found[0].Sequence - 1, cancellationToken))
        {
            if (row.Sequence > found[^1].Sequence)
            {
                break;
            }

            rows.Add(row);
        }

        return HashCheck(seal, rows);
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
