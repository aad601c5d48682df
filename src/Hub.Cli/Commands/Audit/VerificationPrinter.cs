using System.Globalization;
using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>Words a chain verification for the console: counts, seal numbers, seq ranges and hashes, nothing else.</summary>
internal static class VerificationPrinter
{
    public static void Write(TextWriter output, string ledger, ChainVerification result)
    {
        if (result.Anchor is { } anchor)
        {
            output.WriteLine(Invariant($"Pruned: pruning record {anchor.Number} removed seals up to {anchor.ThroughSeal} (seq up to {anchor.ThroughSequence}); the chain resumes from hash {anchor.AnchorHash}"));
        }

        if (result.Break is { } broken)
        {
            output.WriteLine(Invariant($"Ledger BROKEN ({ledger}) at seal {broken.SealNumber} (seq {broken.FirstSequence}..{broken.LastSequence}): {Name(broken.Check)}: {broken.Detail}"));
            output.WriteLine(Invariant($"Intact before it: {result.SealsVerified} seal(s), {result.RowsVerified} row(s)."));
            return;
        }

        var range = result.Head is { } head ? Invariant($" through seq {head.LastSequence}") : string.Empty;
        output.WriteLine(Invariant($"Ledger OK ({ledger}): {result.SealsVerified} seal(s), {result.RowsVerified} row(s) verified{range}; {result.UnsealedRows} row(s) not yet sealed."));
        if (result.Head is { } top)
        {
            output.WriteLine(Invariant($"Head: seal {top.Number}, chain hash {top.ChainHash} (keep a copy outside the database: it detects a rewrite of the whole chain)."));
        }
    }

    public static void Write(TextWriter output, OutboxVerification outbox)
    {
        if (outbox.IsIntact)
        {
            output.WriteLine(Invariant($"Outbox OK: {outbox.Checked} delivery bod(ies) match the digest their ledger rows keep."));
            return;
        }

        output.WriteLine(Invariant($"Outbox ALTERED: {outbox.AlteredCount} of {outbox.Checked} delivery bod(ies) differ from the digest their ledger rows keep (outbox-altered); first: {string.Join(", ", outbox.Altered)}"));
    }

    /// <summary>The check's name as printed: kebab-case, stable for scripts.</summary>
    public static string Name(ChainCheck check) => check switch
    {
        ChainCheck.ContentChanged => "content-changed",
        ChainCheck.RowMissing => "row-missing",
        ChainCheck.RowAdded => "row-added",
        ChainCheck.OrderChanged => "order-changed",
        ChainCheck.LinkBroken => "link-broken",
        ChainCheck.SealMissing => "seal-missing",
        ChainCheck.AnchorMismatch => "anchor-mismatch",
        ChainCheck.UnknownEncoding => "unknown-encoding",
        _ => check.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
