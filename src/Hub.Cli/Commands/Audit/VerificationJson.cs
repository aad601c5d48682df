using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit verify --format json</c>, shape <see cref="Schema"/>: one document with <c>intact</c> (everything
/// checked holds), the chain (counts, head, pruning anchor, first break), the outbox comparison and, with
/// <c>--anchors</c>, the anchors. Counts, seal numbers, seqs, hashes and delivery ids only. Documented in the README.
/// </summary>
internal static class VerificationJson
{
    public const string Schema = "agencyhub.audit.verify/1";

    public static object Of(string ledger, ChainVerification chain, OutboxVerification outbox, AnchorReport? anchors, bool intact) => new
    {
        schema = Schema,
        ledger,
        intact,
        chain = new
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
        },
        outbox = new { intact = outbox.IsIntact, @checked = outbox.Checked, altered = outbox.AlteredCount, alteredDeliveries = outbox.Altered },
        anchors,
    };
}
