using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>The <c>chain</c> object of <c>agencyhub.audit.verify/1</c> and <c>agencyhub.audit.prune/1</c>: counts, head, pruning anchor, first break.</summary>
internal static class ChainJson
{
    public static object Of(ChainVerification chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return new
        {
            intact = chain.IsIntact,
            sealsVerified = chain.SealsVerified,
            rowsVerified = chain.RowsVerified,
            unsealedRows = chain.UnsealedRows,
            head = chain.Head is { } head ? new { seal = head.Number, lastSequence = head.LastSequence, chainHash = head.ChainHash } : null,
            pruned = chain.Anchor is { } prune ? new { record = prune.Number, throughSeal = prune.ThroughSeal, throughSequence = prune.ThroughSequence, anchorHash = prune.AnchorHash } : null,
            @break = chain.Break is { } broken
                ? new { seal = broken.SealNumber, firstSequence = broken.FirstSequence, lastSequence = broken.LastSequence, check = VerificationPrinter.Name(broken.Check), detail = broken.Detail }
                : null,
        };
    }
}
