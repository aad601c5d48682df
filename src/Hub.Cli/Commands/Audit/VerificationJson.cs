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
        chain = ChainJson.Of(chain),
        outbox = new { intact = outbox.IsIntact, @checked = outbox.Checked, altered = outbox.AlteredCount, alteredDeliveries = outbox.Altered },
        anchors,
    };
}
